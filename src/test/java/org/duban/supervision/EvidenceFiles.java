package org.duban.supervision;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.duban.support.GraphQL;

import io.restassured.response.Response;

/** Small files of each kind evidence may be, and an upload through the REST endpoint. */
public final class EvidenceFiles {

    private EvidenceFiles() {
    }

    public static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        return new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    }

    public static byte[] jpeg() {
        return new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0 };
    }

    public static byte[] docx() {
        return zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>", "_rels/.rels", "<Relationships/>"));
    }

    public static byte[] xlsx() {
        return zip(Map.of("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"));
    }

    public static byte[] ofd() {
        return zip(Map.of("OFD.xml", "<ofd:OFD/>", "Doc_0/Document.xml", "<ofd:Document/>"));
    }

    public static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** POST /tasks/{taskId}/evidence as the user (null: without a token). */
    public static Response upload(String user, String taskId, String fileName, byte[] content) {
        var request = given().multiPart("file", fileName, content, "application/octet-stream");
        if (user != null) {
            request.header("Authorization", "Bearer " + GraphQL.token(user));
        }
        return request.post("/tasks/" + taskId + "/evidence");
    }

    /** Uploads and returns the evidence id; fails unless the upload is taken. */
    public static String uploaded(String user, String taskId, String fileName, byte[] content) {
        Response response = upload(user, taskId, fileName, content);
        if (response.statusCode() != 201) {
            throw new AssertionError("upload refused: " + response.statusCode() + " " + response.asString());
        }
        return response.jsonPath().getString("id");
    }
}
