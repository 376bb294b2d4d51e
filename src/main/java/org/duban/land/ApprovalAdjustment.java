package org.duban.land;

import java.time.LocalDate;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("ApprovalAdjustment")
@Description("A request to adjust a parcel's approval (调整批文) and how it ended")
public record ApprovalAdjustment(
        @Id @GlobalId(IdKind.APPROVAL_ADJUSTMENT) long id,
        @NonNull AdjustmentStatus status,
        @NonNull LocalDate requestedOn,
        @NonNull String reason,
        String requestedBy,
        LocalDate completedOn,
        @Description("The document number of the adjusted approval") String newDocumentNumber,
        String note,
        @Ignore long parcelId) {

    static final String COLUMNS = "a.id, a.parcel_id, a.status, a.requested_on, a.reason, a.requested_by, a.completed_on, "
            + "a.new_document_number, a.note";

    static ApprovalAdjustment from(Row row) {
        return new ApprovalAdjustment(row.getLong("id"), AdjustmentStatus.valueOf(row.getString("status")),
                row.getLocalDate("requested_on"), row.getString("reason"), row.getString("requested_by"),
                row.getLocalDate("completed_on"), row.getString("new_document_number"), row.getString("note"),
                row.getLong("parcel_id"));
    }
}
