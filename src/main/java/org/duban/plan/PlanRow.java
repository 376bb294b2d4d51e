package org.duban.plan;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.duban.common.TrackedRow;

import io.vertx.mutiny.sqlclient.Row;

/** A plan's own columns as editing and importing write them (its reminder policy is written apart). */
public class PlanRow extends TrackedRow {

    public Long regionId;

    public String documentNumber;

    public String title;

    public Long issuingUnitId;

    public LocalDate issuedOn;

    public String summary;

    public String[] copiedTo = new String[0];

    /** What editing and importing set, to tell a write that changes something from one that would not. */
    public List<Object> content() {
        return Arrays.asList(documentNumber, title, issuingUnitId, issuedOn, summary, Arrays.asList(copiedTo));
    }

    static PlanRow from(Row row) {
        PlanRow plan = new PlanRow();
        plan.readTracked(row);
        plan.regionId = row.getLong("region_id");
        plan.documentNumber = row.getString("document_number");
        plan.title = row.getString("title");
        plan.issuingUnitId = row.getLong("issuing_unit_id");
        plan.issuedOn = row.getLocalDate("issued_on");
        plan.summary = row.getString("summary");
        plan.copiedTo = row.getArrayOfStrings("copied_to");
        return plan;
    }
}
