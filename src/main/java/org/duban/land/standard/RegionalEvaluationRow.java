package org.duban.land.standard;

import java.time.LocalDate;

import org.duban.common.TrackedRow;
import org.duban.common.sql.Rows;

import io.vertx.mutiny.sqlclient.Row;

public class RegionalEvaluationRow extends TrackedRow {

    public Long zoneId;

    public int round;

    public EvaluationKind kind;

    public String name;

    public EvaluationStatus status;

    public LocalDate completedOn;

    public String note;

    static RegionalEvaluationRow from(Row row) {
        RegionalEvaluationRow evaluation = new RegionalEvaluationRow();
        evaluation.readTracked(row);
        evaluation.zoneId = row.getLong("zone_id");
        evaluation.round = row.getInteger("round");
        evaluation.kind = Rows.enumOf(row, "kind", EvaluationKind.class);
        evaluation.name = row.getString("name");
        evaluation.status = Rows.enumOf(row, "status", EvaluationStatus.class);
        evaluation.completedOn = row.getLocalDate("completed_on");
        evaluation.note = row.getString("note");
        return evaluation;
    }
}
