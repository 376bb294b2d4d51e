package org.duban.importer;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("DraftField")
@Description("A value of the draft plan file and the text of the notice it was read from")
public record DraftField(
        @NonNull @Description("Its place in the draft, e.g. tasks[3].deadline") String path,
        @NonNull String value,
        @NonNull SourceSpan source) {
}
