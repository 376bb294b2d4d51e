package org.duban.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Word documents as an office makes them, written with POI for the tests that upload notices. */
final class WordDocuments {

    /** The levels of a notice's numbering as Word's list draws them: 一、 (一) 1. (1) */
    private static final List<Pattern> TYPED_NUMBERS = List.of(Pattern.compile("^[一二三四五六七八九十]+、\\s*"),
            Pattern.compile("^[(（][一二三四五六七八九十]+[)）]\\s*"), Pattern.compile("^\\d+[.．]\\s*"), Pattern.compile("^[(（]\\d+[)）]\\s*"));

    private WordDocuments() {
    }

    /** A paragraph per line, as typed. */
    static byte[] typed(String text) {
        try (XWPFDocument document = new XWPFDocument()) {
            for (String line : text.split("\n", -1)) {
                document.createParagraph().createRun().setText(line);
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A paragraph per line, the typed numbers of the headings taken out and drawn by one multi-level list instead, as
     * Word's 编号 does: the text holds no 一、 or 1. at all.
     */
    static byte[] numberedByWord(String text) {
        try (XWPFDocument document = new XWPFDocument()) {
            BigInteger list = notice(document.createNumbering());
            for (String line : text.split("\n", -1)) {
                XWPFParagraph paragraph = document.createParagraph();
                String rest = line;
                for (int level = 0; level < TYPED_NUMBERS.size(); level++) {
                    Matcher number = TYPED_NUMBERS.get(level).matcher(line);
                    if (number.find()) {
                        paragraph.setNumID(list);
                        paragraph.setNumILvl(BigInteger.valueOf(level));
                        rest = line.substring(number.end());
                        break;
                    }
                }
                paragraph.createRun().setText(rest);
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A heading, then a table: a row per line of cells parted by tabs; a cell's "/" starts a new paragraph in it. */
    static byte[] withTable(String heading, List<String> rows) {
        try (XWPFDocument document = new XWPFDocument()) {
            for (String line : heading.split("\n")) {
                document.createParagraph().createRun().setText(line);
            }
            int columns = rows.get(0).split("\t", -1).length;
            XWPFTable table = document.createTable(rows.size(), columns);
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r).split("\t", -1);
                for (int c = 0; c < columns; c++) {
                    XWPFTableCell cell = table.getRow(r).getCell(c);
                    String[] paragraphs = c < cells.length ? cells[c].split("/") : new String[] {""};
                    cell.getParagraphs().get(0).createRun().setText(paragraphs[0]);
                    for (int p = 1; p < paragraphs.length; p++) {
                        cell.addParagraph().createRun().setText(paragraphs[p]);
                    }
                }
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigInteger notice(XWPFNumbering numbering) {
        CTAbstractNum levels = CTAbstractNum.Factory.newInstance();
        levels.setAbstractNumId(BigInteger.valueOf(7));
        level(levels, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
        level(levels, 1, STNumberFormat.CHINESE_COUNTING, "(%2)");
        level(levels, 2, STNumberFormat.DECIMAL, "%3.");
        level(levels, 3, STNumberFormat.DECIMAL, "(%4)");
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(levels, numbering));
        return numbering.addNum(abstractId);
    }

    private static void level(CTAbstractNum levels, int at, STNumberFormat.Enum format, String text) {
        CTLvl level = levels.addNewLvl();
        level.setIlvl(BigInteger.valueOf(at));
        level.addNewStart().setVal(BigInteger.ONE);
        level.addNewNumFmt().setVal(format);
        level.addNewLvlText().setVal(text);
    }

    private static byte[] bytes(XWPFDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.write(out);
        return out.toByteArray();
    }
}
