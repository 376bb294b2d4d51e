package org.duban.evidence;

import org.eclipse.microprofile.graphql.Description;

public enum EvidenceKind {
    @Description("An uploaded file: PDF, OFD, JPEG, PNG, DOCX or XLSX")
    FILE,
    @Description("A link (URL and title), e.g. to a published notice")
    LINK
}
