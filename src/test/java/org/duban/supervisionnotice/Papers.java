package org.duban.supervisionnotice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.duban.support.GraphQL;

import io.restassured.response.Response;

/** PDF papers as a reader opens them: downloaded, their text extracted, their pages counted and rendered. */
public final class Papers {

    private Papers() {
    }

    public static Response download(String user, String path) {
        var request = given();
        if (user != null) {
            request.header("Authorization", "Bearer " + GraphQL.token(user));
        }
        return request.get(path);
    }

    public static PDDocument pdf(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/pdf");
        try {
            return Loader.loadPDF(response.asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text, without the spaces and line breaks a layout puts between characters. */
    public static String text(PDDocument document) {
        try {
            return new PDFTextStripper().getText(document).replaceAll("[ \\u3000\\r\\n]", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every font the first page uses is embedded: the paper reads the same on a machine without Chinese fonts. */
    public static void fontsEmbedded(PDDocument document) {
        PDPage page = document.getPage(0);
        try {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page {@code index} at 50 dpi: the share of its pixels that are not white, and of those that are red. */
    public record Ink(double dark, double red, BufferedImage image) {
    }

    public static Ink ink(PDDocument document, int index) {
        try {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(index, 50);
            long dark = 0;
            long red = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int r = (rgb >> 16) & 0xFF;
                    int g = (rgb >> 8) & 0xFF;
                    int b = rgb & 0xFF;
                    if (r + g + b < 600) {
                        dark++;
                        if (r > 150 && g < 100 && b < 100) {
                            red++;
                        }
                    }
                }
            }
            double pixels = (double) image.getWidth() * image.getHeight();
            return new Ink(dark / pixels, red / pixels, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
