package org.duban.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The file types evidence may have, told by content, never by name: magic bytes, and for the ZIP-based
 * formats the entries their central directory lists (so a renamed ZIP or an executable is refused).
 */
public enum EvidenceType {
    PDF("application/pdf"),
    OFD("application/ofd"),
    JPEG("image/jpeg"),
    PNG("image/png"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    private static final byte[] JPEG_MAGIC = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };
    private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int MAX_COMMENT = 0xffff;
    /** Far more than any office document holds; a directory claiming more is not one. */
    private static final int MAX_ENTRIES = 100_000;

    private final String contentType;

    EvidenceType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<EvidenceType> of(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, ZIP_MAGIC)) {
            return zipEntries(content).flatMap(EvidenceType::ofEntries);
        }
        return Optional.empty();
    }

    private static Optional<EvidenceType> ofEntries(List<String> names) {
        if (names.contains("OFD.xml")) {
            return Optional.of(OFD);
        }
        if (names.contains("[Content_Types].xml")) {
            if (names.stream().anyMatch(name -> name.startsWith("word/"))) {
                return Optional.of(DOCX);
            }
            if (names.stream().anyMatch(name -> name.startsWith("xl/"))) {
                return Optional.of(XLSX);
            }
        }
        return Optional.empty();
    }

    /**
     * The entry names from the ZIP's central directory, read without inflating anything; empty when the
     * directory is missing, truncated or ZIP64 (no evidence file within the size limit needs ZIP64).
     */
    static Optional<List<String>> zipEntries(byte[] zip) {
        int end = -1;
        for (int at = zip.length - END_RECORD_SIZE; at >= Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT); at--) {
            if (int32(zip, at) == END_OF_DIRECTORY) {
                end = at;
                break;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        int count = int16(zip, end + 10);
        long offset = int32(zip, end + 16) & 0xffffffffL;
        if (count > MAX_ENTRIES || offset >= end) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(count);
        int at = (int) offset;
        for (int i = 0; i < count; i++) {
            if (at + 46 > end || int32(zip, at) != DIRECTORY_ENTRY) {
                return Optional.empty();
            }
            int nameLength = int16(zip, at + 28);
            int next = at + 46 + nameLength + int16(zip, at + 30) + int16(zip, at + 32);
            if (next > end) {
                return Optional.empty();
            }
            names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
            at = next;
        }
        return Optional.of(names);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return int16(b, at) | int16(b, at + 2) << 16;
    }
}
