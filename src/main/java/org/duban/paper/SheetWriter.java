package org.duban.paper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * One spreadsheet as offices keep their ledgers (台账): a title row, a header row frozen above the data and filtered,
 * column widths set, dates as dates, areas and rates as numbers with their format, colours as cell fills. Rows stream
 * to a temporary file as they are written (a window of {@value #ROWS_IN_MEMORY} rows stays in memory), so a sheet of
 * 100,000 rows costs no more memory than one of 100. Not thread-safe: one writer, one thread at a time.
 */
public final class SheetWriter implements AutoCloseable {

    private static final int ROWS_IN_MEMORY = 200;
    /** Excel's width unit is 1/256 of a character; a Chinese character is about two. */
    private static final int WIDTH_UNIT = 256;

    /** How a column's values are written. */
    public enum Kind {
        TEXT, WRAPPED, DATE, INTEGER, MU, PERCENT, DECIMAL
    }

    /** A column: its header and width in (Latin) characters. */
    public record Column(String header, int width, Kind kind) {
    }

    /** The fills of the three-colour warnings and of the supervision notices' levels. */
    public enum Fill {
        RED(0xF4, 0xC7, 0xC3), YELLOW(0xFF, 0xF2, 0xCC), GREEN(0xD9, 0xEA, 0xD3), BLUE(0xCF, 0xE2, 0xF3);

        private final byte[] rgb;

        Fill(int red, int green, int blue) {
            this.rgb = new byte[] {(byte) red, (byte) green, (byte) blue};
        }
    }

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final Map<Kind, CellStyle> styles = new EnumMap<>(Kind.class);
    private final Map<Fill, CellStyle> fills = new EnumMap<>(Fill.class);
    private final CellStyle headerStyle;
    private final CellStyle titleStyle;
    private SXSSFSheet sheet;
    private List<Column> columns;
    private int nextRow;

    /** A workbook whose first sheet has a title above its header; {@code title} null for none. */
    public SheetWriter(String sheetName, String title, List<Column> columns) {
        workbook.setCompressTempFiles(true);
        for (Kind kind : Kind.values()) {
            styles.put(kind, style(kind));
        }
        for (Fill fill : Fill.values()) {
            XSSFCellStyle filled = (XSSFCellStyle) workbook.createCellStyle();
            filled.cloneStyleFrom(styles.get(Kind.TEXT));
            filled.setFillForegroundColor(new XSSFColor(fill.rgb, null));
            filled.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            fills.put(fill, filled);
        }
        headerStyle = headerStyle();
        titleStyle = titleStyle();
        sheet(sheetName, title, columns);
    }

    /** Starts the next sheet of the workbook; rows are written to it from now on. */
    public void sheet(String sheetName, String title, List<Column> columns) {
        this.columns = columns;
        this.sheet = workbook.createSheet(sheetName);
        this.nextRow = 0;
        if (title != null) {
            Row row = sheet.createRow(nextRow++);
            row.setHeightInPoints(24);
            Cell cell = row.createCell(0);
            cell.setCellValue(title);
            cell.setCellStyle(titleStyle);
            if (columns.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
            }
        }
        Row header = sheet.createRow(nextRow++);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * WIDTH_UNIT);
        }
        sheet.createFreezePane(0, nextRow);
        sheet.setAutoFilter(new CellRangeAddress(nextRow - 1, nextRow - 1, 0, columns.size() - 1));
    }

    public List<Column> columns() {
        return columns;
    }

    /** The next data row. */
    public RowWriter row() {
        return new RowWriter(sheet.createRow(nextRow++));
    }

    /** The workbook as bytes: for papers small enough to keep (a bulletin), not for a ledger of any size. */
    public byte[] bytes() {
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the workbook to a new temporary file and returns it; the caller deletes it. */
    public Path finish(String prefix) {
        try {
            Path file = Files.createTempFile(prefix, ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the rows flushed to disk, written or not: the temporary files go before the workbook closes their writers. */
    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of one row, by column index; an empty value leaves its cell empty. */
    public final class RowWriter {
        private final Row row;

        private RowWriter(Row row) {
            this.row = row;
        }

        public RowWriter text(int column, String value) {
            if (value != null && !value.isEmpty()) {
                cell(column).setCellValue(value);
            }
            return this;
        }

        public RowWriter date(int column, LocalDate value) {
            if (value != null) {
                cell(column).setCellValue(value);
            }
            return this;
        }

        public RowWriter number(int column, long value) {
            cell(column).setCellValue(value);
            return this;
        }

        /**
         * A decimal such as an area: Excel keeps numbers as binary doubles, 15 significant digits; mu to 4 decimals and
         * rates in percent to 2 fit with room to spare, and the cell's format shows them as Duban computed them.
         */
        public RowWriter number(int column, BigDecimal value) {
            if (value != null) {
                cell(column).setCellValue(value.doubleValue());
            }
            return this;
        }

        /** A share in whole points (87 for 87 %), shown with a percent format. */
        public RowWriter percent(int column, Integer points) {
            if (points != null) {
                cell(column).setCellValue(BigDecimal.valueOf(points).movePointLeft(2).doubleValue());
            }
            return this;
        }

        public RowWriter fill(int column, Fill fill) {
            if (fill != null) {
                cell(column).setCellStyle(fills.get(fill));
            }
            return this;
        }

        private Cell cell(int column) {
            Cell cell = row.getCell(column);
            if (cell == null) {
                cell = row.createCell(column);
                cell.setCellStyle(styles.get(columns.get(column).kind()));
            }
            return cell;
        }
    }

    private CellStyle style(Kind kind) {
        CellStyle style = workbook.createCellStyle();
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        var format = workbook.createDataFormat();
        switch (kind) {
            case WRAPPED -> style.setWrapText(true);
            case DATE -> style.setDataFormat(format.getFormat("yyyy-mm-dd"));
            case INTEGER -> style.setDataFormat(format.getFormat("0"));
            case MU -> style.setDataFormat(format.getFormat("0.0000"));
            case PERCENT -> style.setDataFormat(format.getFormat("0%"));
            case DECIMAL -> style.setDataFormat(format.getFormat("0.00"));
            case TEXT -> style.setAlignment(HorizontalAlignment.LEFT);
        }
        return style;
    }

    private CellStyle headerStyle() {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        ((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xE7, (byte) 0xE6, (byte) 0xE6}, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private CellStyle titleStyle() {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 14);
        style.setFont(font);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }
}
