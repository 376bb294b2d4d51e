package org.duban.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;

/**
 * The text of a Word document as the notice reader reads it: a line per paragraph, the numbers Word draws by itself
 * (一、 (一) 1. from a list's levels) written out as a typist would have typed them, and a line per table row with its
 * cells parted by tabs, which the reader takes for a task table. Headers, footers and pictures are left out.
 */
final class DocxText {

    private static final int NOT_STARTED = Integer.MIN_VALUE;

    private final XWPFNumbering numbering;
    private final StringBuilder text = new StringBuilder();
    /** Each list's counters by level; lists of one abstract definition count on together, as Word counts them. */
    private final Map<BigInteger, int[]> counters = new HashMap<>();
    private final Set<BigInteger> listsStarted = new HashSet<>();

    private DocxText(XWPFNumbering numbering) {
        this.numbering = numbering;
    }

    static String of(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            DocxText reading = new DocxText(document.getNumbering());
            reading.body(document.getBodyElements());
            return reading.text.toString();
        }
    }

    private void body(List<IBodyElement> elements) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                line(number(paragraph) + paragraph.getText().replace('\t', ' '));
            } else if (element instanceof XWPFTable table) {
                table(table);
            } else if (element instanceof XWPFSDT control) {
                line(control.getContent().getText());
            }
        }
    }

    private void table(XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
            StringBuilder cells = new StringBuilder();
            for (XWPFTableCell cell : row.getTableCells()) {
                if (cells.length() > 0) {
                    cells.append('\t');
                }
                cells.append(cell(cell));
            }
            line(cells.toString());
        }
    }

    /**
     * A cell on one line: its paragraphs run on where a sentence ended, and are parted by 、 where they are a list of
     * names, one a line (县自然资源局 / 县财政局), as the reader splits units.
     */
    private String cell(XWPFTableCell cell) {
        StringBuilder text = new StringBuilder();
        for (XWPFParagraph paragraph : cell.getParagraphs()) {
            String line = (number(paragraph) + paragraph.getText()).replaceAll("[\\t\\n\\r]+", " ").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (text.length() > 0 && "。；;，,、：:！？".indexOf(text.charAt(text.length() - 1)) < 0) {
                text.append('、');
            }
            text.append(line);
        }
        return text.toString();
    }

    private void line(String line) {
        text.append(line).append('\n');
    }

    /** The number Word draws before a paragraph of a list, or nothing. */
    private String number(XWPFParagraph paragraph) {
        BigInteger numId = paragraph.getNumID();
        if (numbering == null || numId == null) {
            return "";
        }
        XWPFNum num = numbering.getNum(numId);
        BigInteger abstractId = numbering.getAbstractNumID(numId);
        XWPFAbstractNum list = abstractId == null ? null : numbering.getAbstractNum(abstractId);
        if (num == null || list == null) {
            return "";
        }
        int level = paragraph.getNumIlvl() == null ? 0 : paragraph.getNumIlvl().intValue();
        CTLvl[] levels = new CTLvl[9];
        for (CTLvl lvl : list.getCTAbstractNum().getLvlArray()) {
            int at = lvl.getIlvl().intValue();
            if (at >= 0 && at < levels.length) {
                levels[at] = lvl;
            }
        }
        if (level >= levels.length || levels[level] == null) {
            return "";
        }
        int[] counts = counters.computeIfAbsent(abstractId, id -> {
            int[] fresh = new int[levels.length];
            Arrays.fill(fresh, NOT_STARTED);
            return fresh;
        });
        if (listsStarted.add(numId)) {
            // a list that restarts its numbering says so per level (w:lvlOverride/w:startOverride)
            for (CTNumLvl override : num.getCTNum().getLvlOverrideArray()) {
                int at = override.getIlvl().intValue();
                if (override.isSetStartOverride() && at < counts.length) {
                    counts[at] = override.getStartOverride().getVal().intValue() - 1;
                }
            }
        }
        counts[level] = counts[level] == NOT_STARTED ? start(levels[level]) : counts[level] + 1;
        Arrays.fill(counts, level + 1, counts.length, NOT_STARTED);
        String pattern = levels[level].isSetLvlText() ? levels[level].getLvlText().getVal() : "";
        StringBuilder drawn = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' && i + 1 < pattern.length() && Character.isDigit(pattern.charAt(i + 1))) {
                int of = pattern.charAt(++i) - '1';
                if (of >= 0 && of < counts.length && levels[of] != null) {
                    drawn.append(ListNumbers.format(counts[of] == NOT_STARTED ? start(levels[of]) : counts[of], format(levels[of])));
                }
            } else {
                drawn.append(c);
            }
        }
        if ("bullet".equals(format(levels[level])) || drawn.isEmpty()) {
            return "";
        }
        // what Word puts between the number and the text: a tab unless the level says a space or nothing
        String suffix = levels[level].isSetSuff() ? levels[level].getSuff().getVal().toString() : "tab";
        return "nothing".equals(suffix) ? drawn.toString() : drawn + " ";
    }

    private static int start(CTLvl level) {
        return level.isSetStart() ? level.getStart().getVal().intValue() : 1;
    }

    private static String format(CTLvl level) {
        return level.isSetNumFmt() ? level.getNumFmt().getVal().toString() : "decimal";
    }
}
