package org.duban.paper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image keeps for the libraries papers are made with: OpenPDF builds its table of PDF names from
 * PdfName's fields by reflection when the class loads, and would find none in an image that did not keep them.
 */
@RegisterForReflection(targets = com.lowagie.text.pdf.PdfName.class, fields = true, methods = false)
final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
