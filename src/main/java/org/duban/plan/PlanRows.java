package org.duban.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code plan}, {@code plan_basis_document}, {@code plan_leading_group} and {@code plan_addressee}, and the reads a write
 * takes of them; every method runs in the caller's transaction (editing by hand, importing a plan file, setting a
 * reminder policy). Each write of a plan raises its version, so an edit holding the old one answers CONFLICT.
 */
@ApplicationScoped
public class PlanRows {

    private static final String PLAN = "select id, region_id, document_number, title, issuing_unit_id, issued_on, summary,"
            + " copied_to, created_at, updated_at, version from plan";

    public Uni<PlanRow> plan(SqlClient sql, long id) {
        return sql.preparedQuery(PLAN + " where id = $1 and region_writable(region_id)").execute(Tuple.of(id)).map(rows -> Rows.first(rows, PlanRow::from));
    }

    /**
     * The plan answers {@code higherPlanId} (null: none); tasks that carried out a task of the plan it answered before
     * are unlinked by {@link TaskRows#unlinkAnswersOutside}.
     */
    public Uni<Void> setAnswers(SqlClient sql, long planId, Long higherPlanId) {
        return sql.preparedQuery("update plan set answers_plan_id = $2 where id = $1").execute(Tuple.of(planId, higherPlanId))
                .replaceWithVoid();
    }

    /** The plan of a region above {@code regionId} with that 文号, if any: what a plan of the region may answer. */
    public Uni<Long> higherPlan(SqlClient sql, long regionId, String documentNumber) {
        return sql.preparedQuery("select p.id from plan p join region r on r.id = $1"
                + " where p.document_number = $2 and p.region_id = any (r.lineage) and p.region_id <> r.id")
                .execute(Tuple.of(regionId, documentNumber))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
    }

    /** The plan without a document number that has this title, issuer and date in the region: how such a plan is known. */
    public Uni<PlanRow> byIdentity(SqlClient sql, long regionId, String title, long issuingUnitId, LocalDate issuedOn) {
        return sql.preparedQuery(PLAN + " where region_id = $1 and title = $2 and issuing_unit_id = $3 and issued_on = $4"
                        + " and document_number is null")
                .execute(Tuple.of(regionId, title, issuingUnitId, issuedOn)).map(rows -> Rows.first(rows, PlanRow::from));
    }

    public Uni<PlanRow> byDocumentNumber(SqlClient sql, String documentNumber) {
        return sql.preparedQuery(PLAN + " where document_number = $1").execute(Tuple.of(documentNumber))
                .map(rows -> Rows.first(rows, PlanRow::from));
    }

    public Uni<Void> insert(SqlClient sql, PlanRow plan) {
        return Rows.insert(sql, "insert into plan (region_id, document_number, title, issuing_unit_id, issued_on, summary,"
                + " copied_to, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
                plan.regionId, plan.documentNumber, plan.title, plan.issuingUnitId,
                plan.issuedOn, plan.summary, plan.copiedTo, Rows.utc(plan.createdAt), Rows.utc(plan.updatedAt))
                .invoke(id -> plan.id = id).replaceWithVoid();
    }

    public Uni<Void> update(SqlClient sql, PlanRow plan) {
        return Rows.update(sql, "update plan set document_number = $3, title = $4, issuing_unit_id = $5, issued_on = $6,"
                + " summary = $7, copied_to = $8, updated_at = $9, version = version + 1 where id = $1 and version = $2", plan, "Plan",
                plan.documentNumber, plan.title, plan.issuingUnitId,
                plan.issuedOn, plan.summary, plan.copiedTo, Rows.utc(plan.updatedAt));
    }

    /** Makes the plan's basis documents these, in this order. */
    public Uni<Void> replaceBasisDocuments(SqlClient sql, long planId, List<BasisDocumentRow> documents) {
        return unlessHeld(sql, "select plan_id, number, title, issuer from plan_basis_document where plan_id = $1 order by ordinal", planId,
                row -> Arrays.asList(row.getString("number"), row.getString("title"), row.getString("issuer")),
                documents.stream().map(d -> Arrays.<Object>asList(d.number, d.title, d.issuer)).toList(),
                () -> sql.preparedQuery("delete from plan_basis_document where plan_id = $1").execute(Tuple.of(planId))
                        .chain(() -> documents.isEmpty() ? Uni.createFrom().voidItem() : sql
                                .preparedQuery("insert into plan_basis_document (plan_id, ordinal, number, title, issuer)"
                                        + " select $1, * from unnest($2::int[], $3::text[], $4::text[], $5::text[])")
                                .execute(Tuple.of(planId, IntStream.rangeClosed(1, documents.size()).boxed().toArray(Integer[]::new),
                                        documents.stream().map(d -> d.number).toArray(String[]::new),
                                        documents.stream().map(d -> d.title).toArray(String[]::new),
                                        documents.stream().map(d -> d.issuer).toArray(String[]::new)))
                                .replaceWithVoid()));
    }

    /** Makes the plan's addressees (主送) these, in this order: each a unit id or a unit set id. */
    public Uni<Void> replaceAddressees(SqlClient sql, long planId, List<Long> unitIds, List<Long> setIds) {
        return unlessHeld(sql, "select plan_id, unit_id, unit_set_id from plan_addressee where plan_id = $1 order by ordinal", planId,
                row -> Arrays.asList(row.getLong("unit_id"), row.getLong("unit_set_id")),
                IntStream.range(0, unitIds.size()).mapToObj(i -> Arrays.<Object>asList(unitIds.get(i), setIds.get(i))).toList(),
                () -> sql.preparedQuery("delete from plan_addressee where plan_id = $1").execute(Tuple.of(planId))
                        .chain(() -> unitIds.isEmpty() ? Uni.createFrom().voidItem() : sql
                                .preparedQuery("insert into plan_addressee (plan_id, ordinal, unit_id, unit_set_id)"
                                        + " select $1, x.ordinal, x.unit_id, x.set_id from unnest($2::int[], $3::bigint[], $4::bigint[])"
                                        + " as x(ordinal, unit_id, set_id)")
                                .execute(Tuple.of(planId, IntStream.rangeClosed(1, unitIds.size()).boxed().toArray(Integer[]::new),
                                        unitIds.toArray(Long[]::new), setIds.toArray(Long[]::new)))
                                .replaceWithVoid()));
    }

    /** Makes the plan's leading groups these. */
    public Uni<Void> replaceLeadingGroups(SqlClient sql, long planId, List<Long> groupIds) {
        return unlessHeld(sql, "select plan_id, group_id from plan_leading_group where plan_id = $1 order by group_id", planId,
                row -> List.of(row.getLong("group_id")), groupIds.stream().sorted().distinct().map(id -> List.<Object>of(id)).toList(),
                () -> sql.preparedQuery("delete from plan_leading_group where plan_id = $1").execute(Tuple.of(planId))
                        .chain(() -> groupIds.isEmpty() ? Uni.createFrom().voidItem() : sql
                                .preparedQuery("insert into plan_leading_group (plan_id, group_id) select $1, unnest($2::bigint[])")
                                .execute(Tuple.of(planId, groupIds.toArray(new Long[0]))).replaceWithVoid()));
    }

    /**
     * Runs {@code write} unless the plan holds these rows already (as {@code held} reads them, in its order): saving a
     * plan as it is leaves its rows, and the audit trail, alone.
     */
    private static Uni<Void> unlessHeld(SqlClient sql, String held, long planId, Function<Row, List<Object>> heldContent,
            List<List<Object>> wanted, Supplier<Uni<Void>> write) {
        return sql.preparedQuery(held).execute(Tuple.of(planId))
                .chain(rows -> Rows.changed(Map.of(planId, wanted), rows, "plan_id", heldContent, same -> same).isEmpty()
                        ? Uni.createFrom().voidItem() : write.get());
    }

    /** The plan's reminder policy (null days: the defaults apply), with the overdue cadence (urge after, daily, every, digest above;
     * nulls: as the plan or the defaults say); false when there is no such plan. */
    public Uni<Boolean> setReminderPolicy(SqlClient sql, long planId, Integer[] daysBefore, Integer escalateAfterDays,
            Integer[] overdueCadence, Instant now) {
        return sql.preparedQuery("update plan set reminder_days_before = $2, escalate_after_days = $3, updated_at = $4, urge_after_days = $5,"
                + " overdue_daily_days = $6, overdue_every_days = $7, digest_above = $8,"
                + " version = version + 1 where id = $1")
                .execute(Tuple.from(new Object[] { planId, daysBefore, escalateAfterDays, Rows.utc(now), overdueCadence[0],
                        overdueCadence[1], overdueCadence[2], overdueCadence[3] }))
                .map(rows -> rows.rowCount() > 0);
    }
}
