package org.duban.land.standard;

import java.time.LocalDate;

import org.duban.land.StandardLandStage;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("StageChange")
@Description("A move of a standard-land parcel from one stage to another")
public record StageChange(
        StandardLandStage from,
        @NonNull StandardLandStage to,
        @NonNull LocalDate on,
        String note,
        @Description("Why a stage was moved back") String reason,
        @Description("Who moved it") String by,
        @Ignore long parcelId) {

    static StageChange from(Row row) {
        String from = row.getString("from_stage");
        return new StageChange(from == null ? null : StandardLandStage.valueOf(from),
                StandardLandStage.valueOf(row.getString("to_stage")), row.getLocalDate("changed_on"), row.getString("note"),
                row.getString("reason"), row.getString("username"), row.getLong("parcel_id"));
    }
}
