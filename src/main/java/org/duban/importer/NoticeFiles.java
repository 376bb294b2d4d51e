package org.duban.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.duban.common.DubanException;
import org.duban.common.http.FileUploads;

/**
 * A notice's text from the file an office has: a Word document (DOCX), or plain text in UTF-8, UTF-16 (with its byte
 * order mark) or GB18030 (which GBK and GB2312 files are), as Chinese systems still save it. Told by the content, not
 * the file name.
 */
final class NoticeFiles {

    /** What a file held, and as what it was read. */
    record NoticeFile(String text, String format) {
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    private NoticeFiles() {
    }

    static NoticeFile read(byte[] bytes) {
        if (bytes.length == 0) {
            throw DubanException.validation(FileUploads.FILE_PART, "is empty");
        }
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            try {
                return new NoticeFile(DocxText.of(bytes), "DOCX");
            } catch (IOException | RuntimeException notWord) {
                // POI says why in words meant for developers (and names its classes): the office hears what to do
                throw DubanException.validation(FileUploads.FILE_PART, "is a ZIP archive but not a Word document (DOCX) that can be"
                        + " read; save the notice as DOCX or plain text");
            }
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw DubanException.validation(FileUploads.FILE_PART, "is a Word 97-2003 or WPS document; save it as DOCX (Word 2007"
                    + " and later) or as plain text");
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            throw DubanException.validation(FileUploads.FILE_PART, "is a PDF, whose text is laid out in pages rather than"
                    + " paragraphs; upload the DOCX it was made from, or paste its text into importNotice");
        }
        return new NoticeFile(plainText(bytes), "TEXT");
    }

    private static String plainText(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, GB18030);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw DubanException.validation(FileUploads.FILE_PART, "is neither a Word document (DOCX) nor text");
        }
        return text;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
