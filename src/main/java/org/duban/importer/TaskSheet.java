package org.duban.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.common.DubanException;
import org.duban.common.Mistakes;

/**
 * A task list (任务清单) read from a spreadsheet: the sheet, its header row, which column holds which field of a task,
 * and each row's cells as text, every value with the cell it came from. Which column is which is given by header text or
 * column letter, or found by the headers offices write, Duban's own ledger's among them, so that an exported ledger
 * reads back.
 */
final class TaskSheet {

    /** The fields a task list may have, and the headers that name each by default, most specific first. */
    enum Field {
        CODE("编号", "序号", "任务编号"),
        PARENT("上级编号"),
        TITLE("整改任务", "任务", "整改措施", "工作任务", "任务名称", "问题"),
        DESCRIPTION("具体内容", "任务内容", "工作内容", "整改内容"),
        UNITS("责任单位", "主办单位", "责任部门"),
        LEAD_UNITS("牵头单位", "牵头部门"),
        ASSIST_UNITS("配合单位", "协办单位", "配合部门"),
        DEADLINE("完成时限", "整改时限", "完成时间", "整改时间", "时限"),
        DEADLINE_WORDS("时限要求"),
        DEADLINE_NOTE("时限说明", "备注");

        final List<String> headers;

        Field(String... headers) {
            this.headers = List.of(headers);
        }
    }

    /** A cell's text, where it stands, and under which header. */
    record Value(String text, LocalDate date, String reference, String header) {
    }

    /** One row of the list: its number in the sheet (from 1) and its values by field. */
    record Line(int rowNumber, Map<Field, Value> values) {

        String text(Field field) {
            Value value = values.get(field);
            return value == null ? null : value.text();
        }
    }

    /** A sheet's name, how many rows it has, and the cells of its first non-empty row, to choose a mapping from. */
    record Outline(String name, int rows, List<String> firstRow) {
    }

    private static final int MOST_ROWS = 10_000;

    final String sheetName;
    final List<Line> lines;
    final Map<Field, String> columns;

    private TaskSheet(String sheetName, List<Line> lines, Map<Field, String> columns) {
        this.sheetName = sheetName;
        this.lines = lines;
        this.columns = columns;
    }

    static Workbook open(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException | RuntimeException notXlsx) {
            throw DubanException.validation("file", "is not a spreadsheet (XLSX) that can be read; save it as .xlsx");
        }
    }

    static List<Outline> outline(Workbook book) {
        DataFormatter format = new DataFormatter(Locale.CHINA);
        List<Outline> sheets = new ArrayList<>();
        for (Sheet sheet : book) {
            List<String> first = List.of();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(format.formatCellValue(cell).strip()));
                if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    first = cells;
                    break;
                }
            }
            sheets.add(new Outline(sheet.getSheetName(), sheet.getPhysicalNumberOfRows(), first));
        }
        return sheets;
    }

    /**
     * Reads the list: {@code sheetName} or the first sheet; the header is row {@code headerRow} (from 1) or the first
     * row that names a title column; {@code mapping} gives a field's column by header text or letter (C), the
     * others found by their usual headers. Every mistake is noted with its cell, at the input's field for the mapping.
     */
    static TaskSheet read(Workbook book, String sheetName, Integer headerRow, Map<Field, String> mapping) {
        Sheet sheet = sheetName == null ? book.getSheetAt(0) : book.getSheet(sheetName);
        if (sheet == null) {
            throw DubanException.validation("columns.sheet", "no sheet " + sheetName + " in the file; it has " + outline(book).stream()
                    .map(Outline::name).toList());
        }
        DataFormatter format = new DataFormatter(Locale.CHINA);
        Row header = headerRow != null ? sheet.getRow(headerRow - 1) : findHeader(sheet, format, mapping);
        if (header == null) {
            throw DubanException.validation(headerRow != null ? "columns.headerRow" : "columns", "no header row naming the task"
                    + " column (整改任务, 任务, ...) in sheet " + sheet.getSheetName() + "; say which row it is, or map the columns");
        }
        Map<String, Integer> byHeader = new LinkedHashMap<>();
        header.forEach(cell -> {
            String text = squeeze(format.formatCellValue(cell));
            if (!text.isEmpty()) {
                byHeader.putIfAbsent(text, cell.getColumnIndex());
            }
        });
        Mistakes mistakes = new Mistakes();
        Map<Field, Integer> index = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            String given = mapping.get(field);
            Integer column = given != null ? mistakes.check(() -> column(given, byHeader, field)) : usual(field, byHeader);
            if (column != null) {
                index.put(field, column);
            }
        }
        if (!index.containsKey(Field.TITLE) && !mapping.containsKey(Field.TITLE)) {
            mistakes.note(DubanException.validation("columns.title", "which column holds the tasks? The header row has "
                    + byHeader.keySet()));
        }
        mistakes.throwIfAny();
        Map<Field, String> columns = new EnumMap<>(Field.class);
        Map<Integer, String> headers = new LinkedHashMap<>();
        byHeader.forEach((text, column) -> headers.putIfAbsent(column, text));
        index.forEach((field, column) -> columns.put(field, CellReference.convertNumToColString(column)));
        List<Line> lines = new ArrayList<>();
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            if (lines.size() == MOST_ROWS) {
                throw DubanException.validation("file", "a task list has at most " + MOST_ROWS + " rows");
            }
            Map<Field, Value> values = new EnumMap<>(Field.class);
            for (Map.Entry<Field, Integer> entry : index.entrySet()) {
                Value value = value(row.getCell(entry.getValue()), format, sheet.getSheetName(), r, entry.getValue(),
                        headers.get(entry.getValue()));
                if (value != null) {
                    values.put(entry.getKey(), value);
                }
            }
            if (!values.isEmpty()) {
                lines.add(new Line(r + 1, values));
            }
        }
        return new TaskSheet(sheet.getSheetName(), lines, columns);
    }

    /** The first row naming a column of tasks, as mapped or by a usual header, within the first rows. */
    private static Row findHeader(Sheet sheet, DataFormatter format, Map<Field, String> mapping) {
        String title = mapping.get(Field.TITLE);
        for (Row row : sheet) {
            if (row.getRowNum() > 20) {
                return null;
            }
            for (Cell cell : row) {
                String text = squeeze(format.formatCellValue(cell));
                if (title != null ? text.equals(squeeze(title)) : Field.TITLE.headers.contains(text)) {
                    return row;
                }
            }
        }
        return null;
    }

    private static Integer usual(Field field, Map<String, Integer> byHeader) {
        for (String header : field.headers) {
            Integer column = byHeader.get(header);
            if (column != null) {
                return column;
            }
        }
        return null;
    }

    /** A column given by its letters (C, AB) or by its header's text. */
    private static int column(String given, Map<String, Integer> byHeader, Field field) {
        String text = squeeze(given);
        Integer byText = byHeader.get(text);
        if (byText != null) {
            return byText;
        }
        if (text.matches("[A-Za-z]{1,3}")) {
            return CellReference.convertColStringToIndex(text.toUpperCase(Locale.ROOT));
        }
        throw DubanException.validation("columns." + field.name().toLowerCase(Locale.ROOT), "no column headed " + given
                + "; the header row has " + byHeader.keySet());
    }

    private static Value value(Cell cell, DataFormatter format, String sheet, int row, int column, String header) {
        if (cell == null) {
            return null;
        }
        String reference = sheet + "!" + new CellReference(row, column).formatAsString(false);
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
            return new Value(date.toString(), date, reference, header);
        }
        String text = format.formatCellValue(cell).strip();
        return text.isEmpty() ? null : new Value(text, null, reference, header);
    }

    /** Header text without the spaces and line breaks a typist puts in (责 任 单 位). */
    private static String squeeze(String text) {
        return text.replaceAll("[\\s\\u3000]+", "");
    }
}
