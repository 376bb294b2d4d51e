package org.duban.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Task codes in the order documents number them: a run of digits or of Chinese numerals (一, 十二) compares as the number
 * it writes, anything else as text: (一)2 before (一)10, (二) before (十). Codes that differ otherwise keep their order.
 */
final class CodeOrder {

    private static final String NUMERALS = "零一二三四五六七八九";

    private CodeOrder() {
    }

    static int compare(String a, String b) {
        List<Object> left = tokens(a);
        List<Object> right = tokens(b);
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            Object x = left.get(i);
            Object y = right.get(i);
            int order;
            if (x instanceof Long m && y instanceof Long n) {
                order = Long.compare(m, n);
            } else if (x instanceof Long) {
                order = -1;
            } else if (y instanceof Long) {
                order = 1;
            } else {
                order = ((String) x).compareTo((String) y);
            }
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static List<Object> tokens(String code) {
        List<Object> tokens = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            int start = i;
            if (Character.isDigit(c)) {
                while (i < code.length() && Character.isDigit(code.charAt(i))) {
                    i++;
                }
                String digits = code.substring(start, i);
                tokens.add(digits.length() > 18 ? (Object) digits : (Object) Long.parseLong(digits));
            } else if (NUMERALS.indexOf(c) >= 0 || c == '十' || c == '百') {
                while (i < code.length() && (NUMERALS.indexOf(code.charAt(i)) >= 0 || code.charAt(i) == '十' || code.charAt(i) == '百')) {
                    i++;
                }
                tokens.add(chinese(code.substring(start, i)));
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    /** 十二 is 12, 二十 is 20, 一百零五 is 105. */
    private static long chinese(String numerals) {
        long total = 0;
        long digit = 0;
        for (char c : numerals.toCharArray()) {
            int value = NUMERALS.indexOf(c);
            if (value >= 0) {
                digit = value;
            } else if (c == '十') {
                total += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            } else if (c == '百') {
                total += (digit == 0 ? 1 : digit) * 100;
                digit = 0;
            }
        }
        return total + digit;
    }
}
