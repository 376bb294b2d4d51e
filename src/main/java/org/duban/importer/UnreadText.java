package org.duban.importer;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("UnreadText")
@Description("Text of the notice the reader did not take into the draft, and why: for the office to read")
public record UnreadText(@NonNull SourceSpan source, @NonNull String text, @NonNull String why) {
}
