package org.duban.importer;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("NoticeResult")
public record NoticeResult(
        @NonNull @Description("The draft plan file (duban-plan/1) read from the notice: review it, fill in what is missing,"
                + " and import it with importPlan") String draft,
        @NonNull @Description("Each value of the draft with the text it came from") List<@NonNull DraftField> fields,
        @NonNull @Description("Text the reader did not take into the draft") List<@NonNull UnreadText> unread,
        @NonNull @Description("What the plan file wants and the notice does not say") List<@NonNull MissingField> missing,
        @NonNull @Description("Units the notice names that the region does not have: proposed as new in the draft")
        List<@NonNull String> proposedUnits,
        @Description("The import of the draft when dryRun was false; null on a dry run") ImportResult imported) {
}
