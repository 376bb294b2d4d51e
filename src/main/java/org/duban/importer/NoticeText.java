package org.duban.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A notice as published, in paragraphs: lines a page break or a narrow column cut in two are joined again, the spaces
 * a typesetter put between Chinese characters (组 长, 抄 送, "批而未用” 土地") are dropped, and every character keeps
 * the line and column it came from, so that whatever is read from it can say where it stands.
 */
final class NoticeText {

    /** A line that starts a new paragraph whatever the one before it ends with. */
    private static final Pattern STARTS_PARAGRAPH = Pattern.compile("^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\\d+[.．、]"
            + "|[(（]\\d+[)）]|[①-⑳]|整改(?:时间|时限)|完成时限|(?:责任|牵头|配合|协办|主办)单位|附件|抄[\\s\\u3000]*送|组[\\s\\u3000]*长|副组长|成[\\s\\u3000]*员)");
    static final Pattern TABLE_ROW = Pattern.compile("\t|\\|");
    /** A paragraph ends with its closing punctuation; a heading, a name or a date has no sentence inside it at all. */
    private static final Pattern ENDS_PARAGRAPH = Pattern.compile("[。；：:！？）)]$|^[^，。；、]*$|^(?:抄\\s*送|附件|主\\s*送)"
            + "|^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\\d]+[)）]|\\d+[.．、])[^，。；]{0,40}$");
    private static final Pattern SPACE_BETWEEN_HAN = Pattern.compile("(?<=[\\p{IsHan}“”《》、，。：；）（])[ \\u3000]+(?=[\\p{IsHan}“”《》（）0-9])"
            + "|(?<=[0-9])[ \\u3000]+(?=[\\p{IsHan}])");

    /**
     * A paragraph's text, and for each of its characters the line (from 1) and column (from 0) it came from; {@code raw}
     * keeps the typesetter's spaces, which part a name from a title in a list of members (贺 琦 县政府办公室副科级干部).
     */
    record Paragraph(String text, String raw, int[] lines, int[] columns) {

        SourceSpan span(int from, int to) {
            int last = Math.max(from, to - 1);
            return new SourceSpan(lines[from], columns[from], lines[last], columns[last] + 1);
        }

        SourceSpan all() {
            return span(0, text.length());
        }

        int firstLine() {
            return lines[0];
        }
    }

    private NoticeText() {
    }

    static List<Paragraph> paragraphs(String notice) {
        String[] lines = notice.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Paragraph> paragraphs = new ArrayList<>();
        Builder open = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int column = lines[i].indexOf(line.charAt(0));
            // a row of a table (cells parted by tabs or bars) is a paragraph of its own
            boolean row = TABLE_ROW.matcher(line).find();
            if (open != null && (row || open.row || ENDS_PARAGRAPH.matcher(open.text).find() || STARTS_PARAGRAPH.matcher(line).find())) {
                paragraphs.add(open.build());
                open = null;
            }
            if (open == null) {
                open = new Builder();
                open.row = row;
            }
            open.append(line, i + 1, column);
        }
        if (open != null) {
            paragraphs.add(open.build());
        }
        return paragraphs;
    }

    private static final class Builder {
        boolean row;
        final StringBuilder text = new StringBuilder();
        final List<Integer> lines = new ArrayList<>();
        final List<Integer> columns = new ArrayList<>();

        void append(String line, int lineNumber, int firstColumn) {
            for (int c = 0; c < line.length(); c++) {
                text.append(line.charAt(c));
                lines.add(lineNumber);
                columns.add(firstColumn + c);
            }
        }

        /** Drops the typesetter's spaces, keeping each remaining character's place. */
        Paragraph build() {
            String raw = text.toString();
            StringBuilder kept = new StringBuilder();
            List<Integer> keptLines = new ArrayList<>();
            List<Integer> keptColumns = new ArrayList<>();
            var spaces = SPACE_BETWEEN_HAN.matcher(raw);
            int at = 0;
            while (spaces.find()) {
                copy(raw, at, spaces.start(), kept, keptLines, keptColumns);
                at = spaces.end();
            }
            copy(raw, at, raw.length(), kept, keptLines, keptColumns);
            return new Paragraph(kept.toString(), raw, keptLines.stream().mapToInt(Integer::intValue).toArray(),
                    keptColumns.stream().mapToInt(Integer::intValue).toArray());
        }

        private void copy(String raw, int from, int to, StringBuilder kept, List<Integer> keptLines, List<Integer> keptColumns) {
            for (int c = from; c < to; c++) {
                kept.append(raw.charAt(c));
                keptLines.add(lines.get(c));
                keptColumns.add(columns.get(c));
            }
        }
    }
}
