package org.duban.inspection;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.Versions;
import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Records an inspection, or what it found: each call one transaction, returning the inspection id. */
@ApplicationScoped
public class InspectionService {

    private final AuditTrail audit;
    private final InputValidator validator;
    private final Clock clock;

    InspectionService(AuditTrail audit, InputValidator validator, Clock clock) {
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    public Uni<Long> record(InspectionInput input) {
        validator.check("input", input);
        if (input.endsOn().isBefore(input.startsOn())) {
            throw DubanException.validation("input.endsOn", "is before startsOn " + input.startsOn());
        }
        List<InspectionInput.OutcomeInput> outcomes = input.outcomes() == null ? List.of() : input.outcomes();
        List<Long> unitIds = outcomeUnits(outcomes);
        return audit.withTransaction(connection -> target(connection, input)
                .call(target -> requireUnitsOfRegion(connection, unitIds, target.getLong("region_id")))
                .chain(target -> save(connection, input, target))
                .call(id -> connection.preparedQuery("delete from inspection_outcome where inspection_id = $1").execute(Tuple.of(id)))
                .call(id -> outcomes.isEmpty() ? Uni.createFrom().voidItem()
                        // Each outcome's people travel as a JSON array: arrays of arrays must all be as long.
                        : connection.preparedQuery("insert into inspection_outcome (inspection_id, unit_id, outcome, note, people)"
                                + " select $1, x.unit_id, x.outcome, x.note, array(select jsonb_array_elements_text(x.people::jsonb))"
                                + " from unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) as x(unit_id, outcome, note, people)")
                                .execute(Tuple.of(id, unitIds.toArray(new Long[0]),
                                        outcomes.stream().map(o -> o.outcome().name()).toArray(String[]::new),
                                        outcomes.stream().map(o -> blankToNull(o.note())).toArray(String[]::new),
                                        outcomes.stream().map(o -> new JsonArray(o.people() == null ? List.of()
                                                : o.people().stream().map(String::strip).toList()).encode()).toArray(String[]::new)))
                                .replaceWithVoid()));
    }

    /** The plan's region, and for an update the inspection's version, with the inspection locked. */
    private static Uni<Row> target(SqlConnection connection, InspectionInput input) {
        if (input.inspectionId() == null) {
            if (input.planId() == null) {
                throw DubanException.validation("input.planId", "name the plan a new inspection is of");
            }
            return connection.preparedQuery("select id as plan_id, region_id, null::int as version from plan where id = $1")
                    .execute(Tuple.of(Ids.parse(input.planId(), IdKind.PLAN)))
                    .map(rows -> {
                        if (rows.size() == 0) {
                            throw DubanException.notFound("Plan", input.planId());
                        }
                        return rows.iterator().next();
                    });
        }
        return connection.preparedQuery("select i.plan_id, p.region_id, i.version from inspection i join plan p on p.id = i.plan_id"
                + " where i.id = $1 for update of i")
                .execute(Tuple.of(Ids.parse(input.inspectionId(), IdKind.INSPECTION)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Inspection", input.inspectionId());
                    }
                    Row row = rows.iterator().next();
                    if (input.planId() != null && Ids.parse(input.planId(), IdKind.PLAN) != row.getLong("plan_id")) {
                        throw DubanException.validation("input.planId", "an inspection stays with its plan");
                    }
                    Versions.require(input.expectedVersion(), row.getInteger("version"), "Inspection");
                    return row;
                });
    }

    private Uni<Long> save(SqlConnection connection, InspectionInput input, Row target) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        Object[] values = { input.inspectingBody().strip(), input.startsOn(), input.endsOn(), blankToNull(input.findings()), now };
        if (input.inspectionId() == null) {
            return connection.preparedQuery("insert into inspection (inspecting_body, starts_on, ends_on, findings, created_at, updated_at,"
                    + " plan_id) values ($1, $2, $3, $4, $5, $5, $6) returning id")
                    .execute(Tuple.from(values).addLong(target.getLong("plan_id")))
                    .map(rows -> rows.iterator().next().getLong("id"));
        }
        long id = Ids.parse(input.inspectionId(), IdKind.INSPECTION);
        return connection.preparedQuery("update inspection set inspecting_body = $1, starts_on = $2, ends_on = $3, findings = $4,"
                + " updated_at = $5, version = version + 1 where id = $6")
                .execute(Tuple.from(values).addLong(id))
                .replaceWith(id);
    }

    /**
     * Adds an inspection a plan file lists unless the plan has it already (same body, same first day); an import
     * never removes one. Runs in the import's transaction.
     */
    public Uni<Void> addIfMissing(SqlClient sql, long planId, String inspectingBody, LocalDate startsOn, LocalDate endsOn,
            Instant now) {
        return sql.preparedQuery("insert into inspection (plan_id, inspecting_body, starts_on, ends_on, created_at, updated_at)"
                + " select $1, $2, $3, $4, $5, $5 where not exists (select 1 from inspection"
                + " where plan_id = $1 and inspecting_body = $2 and starts_on = $3)")
                .execute(Tuple.of(planId, inspectingBody, startsOn, endsOn, Rows.utc(now)))
                .replaceWithVoid();
    }

    private static List<Long> outcomeUnits(List<InspectionInput.OutcomeInput> outcomes) {
        List<Long> ids = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < outcomes.size(); i++) {
            InspectionInput.OutcomeInput outcome = outcomes.get(i);
            if (outcome == null) {
                throw DubanException.validation("input.outcomes[" + i + "]", "must not be null");
            }
            Long id = Ids.parseOptional(outcome.unitId(), IdKind.UNIT);
            if (id == null || !seen.add(id)) {
                throw DubanException.validation("input.outcomes[" + i + "].unitId", "missing, or named twice");
            }
            ids.add(id);
        }
        return ids;
    }

    private static Uni<Void> requireUnitsOfRegion(SqlConnection connection, List<Long> unitIds, long regionId) {
        if (unitIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("select id from unit where id = any($1) and region_id = $2")
                .execute(Tuple.of(unitIds.toArray(new Long[0]), regionId))
                .invoke(rows -> {
                    Set<Long> found = new HashSet<>();
                    rows.forEach(row -> found.add(row.getLong("id")));
                    for (int i = 0; i < unitIds.size(); i++) {
                        if (!found.contains(unitIds.get(i))) {
                            throw DubanException.validation("input.outcomes[" + i + "].unitId", "no such unit in the plan's region");
                        }
                    }
                })
                .replaceWithVoid();
    }
}
