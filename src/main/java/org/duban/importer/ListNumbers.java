package org.duban.importer;

/** A list number as Word draws it in a given number format (w:numFmt): 3 is 三, ③, c, iii or ３. */
final class ListNumbers {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";
    private static final String BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

    private ListNumbers() {
    }

    static String format(int n, String numFmt) {
        return switch (numFmt) {
            case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting",
                    "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital" -> chinese(n);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" -> n >= 1 && n <= 20 ? String.valueOf((char) ('①' + n - 1))
                    : String.valueOf(n);
            case "decimalEnclosedParen" -> "(" + n + ")";
            case "decimalFullWidth", "decimalFullWidth2" -> fullWidth(n);
            case "decimalZero" -> n < 10 ? "0" + n : String.valueOf(n);
            case "lowerLetter" -> letters(n, 'a');
            case "upperLetter" -> letters(n, 'A');
            case "lowerRoman" -> roman(n).toLowerCase(java.util.Locale.ROOT);
            case "upperRoman" -> roman(n);
            case "ideographTraditional" -> n >= 1 && n <= STEMS.length() ? String.valueOf(STEMS.charAt(n - 1)) : String.valueOf(n);
            case "ideographZodiac" -> n >= 1 && n <= BRANCHES.length() ? String.valueOf(BRANCHES.charAt(n - 1)) : String.valueOf(n);
            case "none", "bullet" -> "";
            default -> String.valueOf(n);
        };
    }

    /** 1 一, 10 十, 11 十一, 20 二十, 105 一百零五: as numbered headings write them. */
    static String chinese(int n) {
        if (n <= 0 || n >= 10000) {
            return String.valueOf(n);
        }
        StringBuilder out = new StringBuilder();
        int thousands = n / 1000;
        int hundreds = n / 100 % 10;
        int tens = n / 10 % 10;
        int ones = n % 10;
        if (thousands > 0) {
            out.append(DIGITS.charAt(thousands)).append('千');
        }
        if (hundreds > 0) {
            out.append(DIGITS.charAt(hundreds)).append('百');
        } else if (thousands > 0 && (tens > 0 || ones > 0)) {
            out.append('零');
        }
        if (tens > 0) {
            if (tens > 1 || n >= 100) {
                out.append(DIGITS.charAt(tens));
            }
            out.append('十');
        } else if (hundreds > 0 && ones > 0) {
            out.append('零');
        }
        if (ones > 0) {
            out.append(DIGITS.charAt(ones));
        }
        return out.toString();
    }

    private static String fullWidth(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(n).toCharArray()) {
            out.append((char) ('０' + (c - '0')));
        }
        return out.toString();
    }

    private static String letters(int n, char first) {
        if (n <= 0) {
            return String.valueOf(n);
        }
        // Word repeats the letter: aa, bb after z
        return String.valueOf((char) (first + (n - 1) % 26)).repeat((n - 1) / 26 + 1);
    }

    private static String roman(int n) {
        if (n <= 0 || n >= 4000) {
            return String.valueOf(n);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            while (n >= values[i]) {
                out.append(symbols[i]);
                n -= values[i];
            }
        }
        return out.toString();
    }
}
