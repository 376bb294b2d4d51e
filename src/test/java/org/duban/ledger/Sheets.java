package org.duban.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.GraphQL;

import io.restassured.response.Response;

/** Spreadsheets the routes answer with, downloaded and read back with POI as an office's Excel would open them. */
final class Sheets {

    private Sheets() {
    }

    static Response download(String user, String path) {
        var request = given();
        if (user != null) {
            request.header("Authorization", "Bearer " + GraphQL.token(user));
        }
        return request.get(path);
    }

    static XSSFWorkbook workbook(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(LedgerRoutes.XLSX);
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header row's cells by column, after the title row. */
    static Map<String, Integer> headers(Sheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        Row header = sheet.getRow(1);
        for (Cell cell : header) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    /** The data rows below the header. */
    static List<Row> rows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        for (int i = 2; i <= sheet.getLastRowNum(); i++) {
            rows.add(sheet.getRow(i));
        }
        return rows;
    }

    static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? null : cell.getCellType() == CellType.STRING ? cell.getStringCellValue()
                : new DataFormatter().formatCellValue(cell);
    }
}
