package org.duban.land;

import java.time.LocalDate;

import org.duban.common.TrackedRow;
import org.duban.common.sql.Rows;

import io.vertx.mutiny.sqlclient.Row;

public class ApprovalAdjustmentRow extends TrackedRow {

    public Long parcelId;

    public AdjustmentStatus status;

    public LocalDate requestedOn;

    public String reason;

    public String requestedBy;

    public LocalDate completedOn;

    public String newDocumentNumber;

    public String note;

    static ApprovalAdjustmentRow from(Row row) {
        ApprovalAdjustmentRow adjustment = new ApprovalAdjustmentRow();
        adjustment.readTracked(row);
        adjustment.parcelId = row.getLong("parcel_id");
        adjustment.status = Rows.enumOf(row, "status", AdjustmentStatus.class);
        adjustment.requestedOn = row.getLocalDate("requested_on");
        adjustment.reason = row.getString("reason");
        adjustment.requestedBy = row.getString("requested_by");
        adjustment.completedOn = row.getLocalDate("completed_on");
        adjustment.newDocumentNumber = row.getString("new_document_number");
        adjustment.note = row.getString("note");
        return adjustment;
    }
}
