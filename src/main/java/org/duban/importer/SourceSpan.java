package org.duban.importer;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("SourceSpan")
@Description("Where in the notice's text something stands: from a line and column to a line and column (lines from 1,"
        + " columns from 0, the end column exclusive)")
public record SourceSpan(int fromLine, int fromColumn, int toLine, int toColumn) {
}
