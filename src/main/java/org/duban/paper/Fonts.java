package org.duban.paper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.BaseFont;

/**
 * The typeface of every PDF paper: the Song-style CJK subset shipped in {@code fonts/} (see its README and licence),
 * embedded as a subset of the glyphs each document uses, so that a paper reads the same on any machine. Parsed once;
 * documents share it (each writer keeps its own record of the glyphs used).
 */
public final class Fonts {

    private static final String SERIF = "fonts/DubanSerifSC-Regular.otf";

    private Fonts() {
    }

    private static final class Loaded {
        static final BaseFont SERIF_FONT = load(SERIF);
    }

    public static BaseFont serif() {
        return Loaded.SERIF_FONT;
    }

    private static BaseFont load(String resource) {
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException(resource + " is not a font OpenPDF reads", e);
        }
    }
}
