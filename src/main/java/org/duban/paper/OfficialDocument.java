package org.duban.paper;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.GregorianCalendar;
import java.util.List;

import org.duban.common.ChinaTime;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;

/**
 * A paper laid out as Chinese government documents are (after GB/T 9704): an A4 page with the standard margins, the
 * issuing office's name in red above its kind of document, the number, a red rule, the title, the addressee, body
 * paragraphs indented two characters, tables, the office and date signed at the right, and page numbers as — 1 —.
 * One instance writes one document; {@link #finish()} gives its bytes. Blocking work: run it on a worker thread.
 */
public final class OfficialDocument {

    /** 1 mm in PDF points. */
    private static final float MM = 72f / 25.4f;
    public static final Color RED = new Color(0xD4, 0x1F, 0x1F);
    private static final float BODY = 15f;
    private static final float LEADING = 27f;

    private final Document document = new Document(PageSize.A4, 28 * MM, 26 * MM, 30 * MM, 28 * MM);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Font body = new Font(Fonts.serif(), BODY);

    /** {@code madeAt}: the moment the paper is dated, from the service's clock (what it records, not the machine's time). */
    public OfficialDocument(String title, String author, Instant madeAt) {
        PdfWriter writer = PdfWriter.getInstance(document, bytes);
        writer.setPageEvent(new PageNumbers());
        document.addTitle(title);
        document.addAuthor(author);
        document.addCreator("Duban");
        PdfDate made = new PdfDate(GregorianCalendar.from(madeAt.atZone(ChinaTime.ZONE)));
        document.addModificationDate(made);
        document.open();
        // set after opening: opening dates the document by the machine's time
        writer.getInfo().put(PdfName.CREATIONDATE, made);
    }

    /** The issuing office in red above the kind of document (督办通知单, 通报): 发文机关标志. */
    public OfficialDocument redHeader(String office, String kind) {
        add(centred(bold(office + kind, 26, RED), 8));
        return this;
    }

    /** The number (发文字号) centred, with a marker beside it in its colour (黄色督办), or none. */
    public OfficialDocument number(String number, String marker, Color markerColour) {
        Paragraph line = new Paragraph(LEADING, "", new Font(Fonts.serif(), 15));
        line.setAlignment(Element.ALIGN_CENTER);
        line.add(new Chunk(number, new Font(Fonts.serif(), 15)));
        if (marker != null) {
            Chunk mark = new Chunk("  " + marker + "  ", new Font(Fonts.serif(), 13, Font.NORMAL, Color.WHITE));
            mark.setBackground(markerColour, 2, 3, 2, 3);
            line.add(new Chunk("    ", new Font(Fonts.serif(), 15)));
            line.add(mark);
        }
        line.setSpacingAfter(4);
        add(line);
        return this;
    }

    /** The red rule under the header (红色分隔线). */
    public OfficialDocument redRule() {
        Paragraph rule = new Paragraph(8, "", new Font(Fonts.serif(), 8));
        Chunk line = new Chunk(new LineSeparator(1.5f, 100, RED, Element.ALIGN_CENTER, -4));
        line.setFont(new Font(Fonts.serif(), 8));
        rule.add(line);
        rule.setSpacingAfter(14);
        add(rule);
        return this;
    }

    public OfficialDocument title(String text) {
        add(centred(bold(text, 20, Color.BLACK), 12));
        return this;
    }

    /** A line under the title, centred and smaller: a period, a note. */
    public OfficialDocument subtitle(String text) {
        Paragraph line = new Paragraph(text, new Font(Fonts.serif(), 13));
        line.setAlignment(Element.ALIGN_CENTER);
        line.setSpacingAfter(10);
        add(line);
        return this;
    }

    /** 主送机关: the addressee, at the margin, with its colon. */
    public OfficialDocument addressee(String name) {
        Paragraph line = new Paragraph(LEADING, name + "：", body);
        add(line);
        return this;
    }

    /** A body paragraph, indented by two characters. */
    public OfficialDocument paragraph(String text) {
        Paragraph paragraph = new Paragraph(LEADING, text(text, body));
        paragraph.setFirstLineIndent(2 * BODY);
        paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
        add(paragraph);
        return this;
    }

    /** A heading of the body (一、…), bold, indented as a paragraph. */
    public OfficialDocument heading(String text) {
        Paragraph heading = new Paragraph(LEADING, "", body);
        heading.add(bold(text, BODY, Color.BLACK));
        heading.setFirstLineIndent(2 * BODY);
        heading.setSpacingBefore(6);
        add(heading);
        return this;
    }

    /** A table: header row shaded, cells wrapped; widths relative; a cell's fill where {@code fills} gives one. */
    public OfficialDocument table(List<String> headers, float[] widths, List<List<String>> rows, List<Color> fills) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(6);
        table.setSpacingAfter(10);
        Font head = new Font(Fonts.serif(), 11);
        Font cell = new Font(Fonts.serif(), 10.5f);
        for (String header : headers) {
            PdfPCell c = new PdfPCell(new Phrase(bold(header, 11, Color.BLACK)));
            c.setBackgroundColor(new Color(0xE7, 0xE6, 0xE6));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setPadding(4);
            table.addCell(c);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (String value : rows.get(r)) {
                PdfPCell c = new PdfPCell(new Phrase(text(value == null ? "" : value, cell)));
                c.setPadding(3.5f);
                if (fills != null && fills.get(r) != null) {
                    c.setBackgroundColor(fills.get(r));
                }
                table.addCell(c);
            }
        }
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("无", head));
            none.setColspan(headers.size());
            none.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(none);
        }
        add(table);
        return this;
    }

    /** The office and the date signed at the right (署名、成文日期). */
    public OfficialDocument signature(String office, LocalDate date) {
        Paragraph block = new Paragraph(LEADING, office + "\n" + ChinaTime.dateWords(date), body);
        block.setAlignment(Element.ALIGN_RIGHT);
        block.setIndentationRight(2 * BODY);
        block.setSpacingBefore(2 * LEADING);
        add(block);
        return this;
    }

    /** A small line at the end (联系人、抄送 or a note on how the paper was made). */
    public OfficialDocument note(String text) {
        Paragraph note = new Paragraph(20, text, new Font(Fonts.serif(), 11, Font.NORMAL, Color.DARK_GRAY));
        note.setSpacingBefore(14);
        add(note);
        return this;
    }

    public byte[] finish() {
        document.close();
        return bytes.toByteArray();
    }

    private void add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException("a paper's element could not be laid out", e);
        }
    }

    /** Text that breaks into lines as Chinese is typeset ({@link ChineseLineBreaks}). */
    private static Chunk text(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(ChineseLineBreaks.INSTANCE);
        return chunk;
    }

    private static Paragraph centred(Chunk text, float after) {
        Paragraph line = new Paragraph(text.getFont().getSize() * 1.5f, "", text.getFont());
        line.add(text);
        line.setAlignment(Element.ALIGN_CENTER);
        line.setSpacingAfter(after);
        return line;
    }

    /** Bold drawn by stroking the glyphs' outlines: the font ships in one weight. */
    private static Chunk bold(String text, float size, Color colour) {
        Chunk chunk = new Chunk(text, new Font(Fonts.serif(), size, Font.NORMAL, colour));
        chunk.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, size / 30f, colour);
        return chunk;
    }

    /** — 1 — centred under each page. */
    private static final class PageNumbers extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = document.getPageSize();
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase("— " + writer.getPageNumber() + " —", new Font(Fonts.serif(), 12)),
                    (page.getLeft() + page.getRight()) / 2, document.bottom() - 28, 0);
        }
    }
}
