package org.duban.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

@Type("Inspection")
@Description("A supervisory check (督导检查) of a plan: who inspects, when, what it found, and per unit a reward, "
        + "accountability or neither. The responsible units are notified before the window opens.")
public record Inspection(
        @Id @GlobalId(IdKind.INSPECTION) long id,
        @NonNull @Id @GlobalId(IdKind.PLAN) String planId,
        @NonNull @Description("e.g. 临汾市人民政府") String inspectingBody,
        @NonNull LocalDate startsOn,
        @NonNull LocalDate endsOn,
        String findings,
        @NonNull List<@NonNull UnitOutcome> outcomes,
        @NonNull @Description("Changes with every update; pass it as expectedVersion") Integer version,
        @NonNull Instant updatedAt,
        @Ignore long planKey) {

    @Type("InspectionOutcome")
    public record UnitOutcome(@NonNull @Id @GlobalId(IdKind.UNIT) String unitId, @NonNull String unitName, @NonNull InspectionOutcomeKind outcome, String note,
            @NonNull @Description("The people the outcome names, with their posts, e.g. 张三（副局长）") List<@NonNull String> people) {
    }

    static final String COLUMNS = "i.id, i.plan_id, i.inspecting_body, i.starts_on, i.ends_on, i.findings, i.version, i.updated_at,"
            + " (select coalesce(json_agg(json_build_object('unitId', o.unit_id, 'unitName', u.name, 'outcome', o.outcome,"
            + " 'note', o.note, 'people', o.people) order by u.name), '[]') from inspection_outcome o join unit u on u.id = o.unit_id"
            + " where o.inspection_id = i.id) as outcomes";

    static Inspection from(Row row) {
        JsonArray outcomes = (JsonArray) row.getJson("outcomes");
        List<UnitOutcome> list = outcomes.stream().map(JsonObject.class::cast)
                .map(o -> new UnitOutcome(String.valueOf(o.getLong("unitId")), o.getString("unitName"),
                        InspectionOutcomeKind.valueOf(o.getString("outcome")), o.getString("note"),
                        o.getJsonArray("people").stream().map(String.class::cast).toList()))
                .toList();
        long planId = row.getLong("plan_id");
        return new Inspection(row.getLong("id"), String.valueOf(planId), row.getString("inspecting_body"),
                row.getLocalDate("starts_on"), row.getLocalDate("ends_on"), row.getString("findings"), list,
                row.getInteger("version"), row.getOffsetDateTime("updated_at").toInstant(), planId);
    }
}
