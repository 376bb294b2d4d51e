package org.duban.ledger;

import java.math.BigDecimal;

import org.duban.measure.Measure;
import org.duban.paper.SheetWriter.Fill;
import org.duban.people.PersonRole;
import org.duban.plan.AssignmentRole;
import org.duban.plan.TaskStatus;
import org.duban.warning.WarningBasis;
import org.duban.warning.WarningLevel;

/** The words a ledger (台账) writes for Duban's states, as an office reads them; the import reads them back. */
final class LedgerWords {

    private LedgerWords() {
    }

    static String status(TaskStatus status) {
        return switch (status) {
            case NOT_STARTED -> "未开始";
            case IN_PROGRESS -> "推进中";
            case SUBMITTED -> "已提交待审核";
            case SUSPENDED -> "已中止";
            case SIGNED_OFF -> "已销号";
        };
    }

    static String warning(WarningLevel level) {
        return level == null ? null : switch (level) {
            case RED -> "红色";
            case YELLOW -> "黄色";
            case GREEN -> "绿色";
        };
    }

    static Fill fill(WarningLevel level) {
        return level == null ? null : switch (level) {
            case RED -> Fill.RED;
            case YELLOW -> Fill.YELLOW;
            case GREEN -> Fill.GREEN;
        };
    }

    static String basis(WarningBasis basis) {
        return basis == null ? null : switch (basis) {
            case TIME -> "时限";
            case PACE -> "进度滞后";
        };
    }

    /** The mark after a unit's name in the units column: 牵头 and 配合 as notices write them; a responsible unit none. */
    static String roleMark(AssignmentRole role) {
        return switch (role) {
            case LEAD -> "（牵头）";
            case ASSIST -> "（配合）";
            case RESPONSIBLE -> "";
        };
    }

    static String person(PersonRole role) {
        return switch (role) {
            case LEADER_IN_CHARGE -> "责任领导";
            case RESPONSIBLE -> "责任人";
            case LIAISON -> "联络员";
        };
    }

    /** A measure and how far it is, e.g. 2022年度批而未供土地消化 87.95%. */
    static String measure(Measure measure, BigDecimal percent) {
        String share = percent == null ? "" : " " + percent.stripTrailingZeros().toPlainString() + "%";
        return switch (measure.kind()) {
            case QUOTA -> measure.year() + "年度批而未供土地消化" + share;
            case REGIONAL_EVALUATIONS -> "第" + measure.round() + "轮区域评价" + share;
            case STANDARD_LAND_SALES -> measure.year() + "年工业用地以“标准地”出让" + share;
            case NUMBER -> (measure.label() == null ? "" : measure.label()) + "：目标" + (Boolean.TRUE.equals(measure.atMost()) ? "不超过" : "")
                    + measure.target().toPlainString() + measure.unit()
                    + (measure.actual() == null ? "" : "，实际" + measure.actual().toPlainString() + measure.unit());
        };
    }

    static String yesNo(Boolean value) {
        return value == null ? null : value ? "是" : "否";
    }
}
