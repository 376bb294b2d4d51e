package org.duban.access;

import static io.restassured.RestAssured.given;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The plain HTTP routes of README's access table, called as each caller would, their answers in the table's words: the
 * code an error body carries (by its status), or yes and hidden as for lists: an answer that shows the fixture, or one
 * that leaves it out (a ledger of the caller's sight, without the fixture's rows).
 */
final class AccessRoutes {

    /** What the fixture gives the routes to ask for, and the token of each caller (none for anonymous). */
    record Fixture(String planId, String regionId, String taskId, String marker, String parcelCode, Function<String, String> token,
            Supplier<String> bulletinPdf) {
    }

    private final Fixture f;
    private String quotaId;
    private String noticeId;

    AccessRoutes(Fixture fixture) {
        this.f = fixture;
    }

    /** Route → caller → outcome. */
    Map<String, Function<String, String>> calls() {
        Map<String, Function<String, String>> calls = new LinkedHashMap<>();
        calls.put("GET /exports/tasks.xlsx", c -> ledger(request(c).queryParam("planId", f.planId()).get("/exports/tasks.xlsx"), f.marker()));
        calls.put("GET /exports/parcels.xlsx", c -> ledger(request(c).queryParam("regionId", f.regionId()).get("/exports/parcels.xlsx"),
                f.parcelCode()));
        calls.put("GET /exports/quotas/{quotaId}/parcels.xlsx", c -> ledger(request(c).get("/exports/quotas/" + once(() -> quotaId,
                () -> quotaId = ok(run("admin", "quotas", "year", 2031)).getList("data.quotas", Map.class).stream()
                        .filter(q -> f.regionId().equals(((Map<?, ?>) q.get("region")).get("id"))).map(q -> (String) q.get("id"))
                        .findFirst().orElseThrow()) + "/parcels.xlsx"), null));
        calls.put("GET /notices/{id}.pdf", c -> outcome(request(c).get(once(() -> noticeId, () -> noticeId = ok(run("admin",
                "issue-supervision-notice", "input", Map.of("taskId", f.taskId(), "requirement", "角色表督办")))
                .getString("data.issueSupervisionNotice.pdfPath")))));
        calls.put("POST /notices/text", c -> outcome(request(c).multiPart("file", "notice.txt",
                "测试县人民政府文件\n".getBytes(StandardCharsets.UTF_8)).post("/notices/text")));
        calls.put("POST /imports/sheets", c -> outcome(request(c).multiPart("file", "list.xlsx", taskList("局甲")).post("/imports/sheets")));
        calls.put("GET /bulletins/{id}.pdf", c -> outcome(request(c).get(f.bulletinPdf().get())));
        calls.put("GET /bulletins/{id}.xlsx", c -> outcome(request(c).get(f.bulletinPdf().get().replace(".pdf", ".xlsx"))));
        return calls;
    }

    /** A task list of one task of {@code unit}, as a spreadsheet. */
    static byte[] taskList(String unit) {
        try (XSSFWorkbook book = new XSSFWorkbook(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("任务清单");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("编号");
            header.createCell(1).setCellValue("整改任务");
            header.createCell(2).setCellValue("责任单位");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("1");
            row.createCell(1).setCellValue("清单任务");
            row.createCell(2).setCellValue(unit);
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private RequestSpecification request(String caller) {
        RequestSpecification request = given();
        String token = f.token().apply(caller);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static String once(Supplier<String> value, Runnable make) {
        if (value.get() == null) {
            make.run();
        }
        return value.get();
    }

    private static String outcome(Response response) {
        return switch (response.statusCode()) {
            case 200, 201 -> "yes";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 409 -> "CONFLICT";
            case 400, 413, 415 -> "VALIDATION";
            default -> "HTTP " + response.statusCode();
        };
    }

    /** A ledger shows the fixture when a cell holds {@code marker}; a ledger without it is the caller's sight without it. */
    private static String ledger(Response response, String marker) {
        String outcome = outcome(response);
        if (!outcome.equals("yes") || marker == null) {
            return outcome;
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (cell.toString().contains(marker)) {
                        return "yes";
                    }
                }
            }
            return "hidden";
        } catch (java.io.IOException e) {
            return "not a workbook";
        }
    }
}
