package org.duban.measure;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.common.DubanException;

/**
 * What a NUMBER measure aims at: what is counted ({@code label}), the figure and its unit, and whether the figure is a
 * floor (不少于, 达到, 增长, the default) or a ceiling (不超过, 控制在…以内).
 */
public record NumberTarget(String label, BigDecimal target, String unit, boolean atMost) {

    /** A figure, its unit (%, 亩, 个, 万元…), with the words notices put before or after it. */
    private static final Pattern PHRASE = Pattern.compile(
            "(.*?)(不少于|不低于|不超过|不高于|达到|增长|下降|控制在|至少|最多)?\\s*(\\d+(?:\\.\\d+)?)\\s*([^\\d\\s以]{1,4}?)?\\s*(以上|以内|以下)?");

    public NumberTarget {
        if (target == null) {
            throw DubanException.validation("target", "a NUMBER measure has a target");
        }
        if (target.signum() < 0) {
            throw DubanException.validation("target", "at least 0: " + target.toPlainString());
        }
        if (unit == null || unit.isBlank() || unit.length() > 20) {
            throw DubanException.validation("unit", "a NUMBER measure has a unit of 1 to 20 characters (%, 亩, 个, 万元…)");
        }
        if (label != null && label.length() > 200) {
            throw DubanException.validation("label", "at most 200 characters");
        }
    }

    /**
     * Reads a target as notices write it: 增长6.2%, 不少于3.25亩, 新增就业岗位不少于300个, 控制在5%以内. What stands before the
     * words is what is counted, unless {@code label} says it.
     */
    public static NumberTarget read(String phrase, String label, String field) {
        Matcher m = PHRASE.matcher(phrase.strip());
        if (!m.matches() || m.group(4) == null) {
            throw DubanException.validation(field, "not a target with a figure and its unit, as 不少于3.25亩 or 增长6.2%: " + phrase);
        }
        String words = m.group(2);
        String after = m.group(5);
        boolean atMost = "不超过".equals(words) || "不高于".equals(words) || "最多".equals(words) || "以内".equals(after)
                || "以下".equals(after);
        String counted = label != null ? label : m.group(1).isBlank() ? phrase.strip() : m.group(1).strip();
        try {
            return new NumberTarget(counted, new BigDecimal(m.group(3)), m.group(4), atMost);
        } catch (DubanException e) {
            throw DubanException.validation(field, e.getMessage());
        }
    }

    /**
     * The share done, 0 to 100 with 2 decimals: a floor by how much of it the actual reaches; a ceiling is met (100) while
     * the actual stays within it. Nothing reported is nothing done.
     */
    public BigDecimal percent(BigDecimal actual) {
        BigDecimal hundred = BigDecimal.valueOf(100).setScale(2);
        if (actual == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (atMost) {
            return actual.compareTo(target) <= 0 ? hundred : BigDecimal.ZERO.setScale(2);
        }
        if (target.signum() == 0 || actual.compareTo(target) >= 0) {
            return hundred;
        }
        return actual.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(100)).divide(target, 2, java.math.RoundingMode.DOWN);
    }
}
