package org.duban.land.standard;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers;
import org.duban.audit.AuditTrail;
import org.duban.common.ChinaTime;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.Versions;
import org.duban.unit.UnitRow;
import org.duban.unit.UnitRows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Writes of regional evaluations; returns the evaluation id. */
@ApplicationScoped
public class EvaluationService {

    private final Callers callers;
    private final AuditTrail audit;
    private final StandardLandRows evaluations;
    private final UnitRows units;
    private final InputValidator validator;
    private final Clock clock;

    EvaluationService(StandardLandRows evaluations, UnitRows units, InputValidator validator,
            Clock clock, AuditTrail audit, Callers callers) {
        this.callers = callers;
        this.audit = audit;
        this.evaluations = evaluations;
        this.units = units;
        this.validator = validator;
        this.clock = clock;
    }

    public Uni<Long> create(StandardLandInputs.CreateEvaluation input) {
        validator.check("input", input);
        long zoneId = Ids.parse(input.zoneId(), IdKind.UNIT);
        RegionalEvaluationRow evaluation = new RegionalEvaluationRow();
        evaluation.zoneId = zoneId;
        evaluation.round = input.round();
        evaluation.kind = input.kind();
        evaluation.name = blankToNull(input.name()) != null ? input.name().strip() : input.kind().defaultName();
        if (evaluation.name == null) {
            throw DubanException.validation("input.name", "an OTHER evaluation needs a name");
        }
        setStatus(evaluation, input.status(), input.completedOn());
        evaluation.note = blankToNull(input.note());
        evaluation.touch(clock.instant());
        return audit.withTransaction(sql -> zoneInScope(sql, zoneId)
                .onItem().ifNull().failWith(() -> DubanException.validation("input.zoneId", "no unit " + input.zoneId()))
                .chain(zone -> evaluations.evaluationsOf(sql, zoneId))
                .chain(existing -> {
                    if (existing.stream().anyMatch(e -> e.round == evaluation.round && e.name.equals(evaluation.name))) {
                        throw DubanException.conflict("Round " + evaluation.round + " of this zone has " + evaluation.name + " already");
                    }
                    return evaluations.insert(sql, evaluation).map(done -> evaluation.id);
                }));
    }

    public Uni<Long> update(String id, StandardLandInputs.UpdateEvaluation input) {
        validator.check("input", input);
        long evaluationId = Ids.parse(id, IdKind.REGIONAL_EVALUATION);
        return audit.withTransaction(sql -> evaluations.evaluation(sql, evaluationId)
                .chain(evaluation -> evaluation == null ? Uni.createFrom().nullItem()
                        : zoneInScope(sql, evaluation.zoneId).map(zone -> zone == null ? null : evaluation))
                .onItem().ifNull().failWith(() -> DubanException.notFound("RegionalEvaluation", id))
                .chain(evaluation -> {
                    Versions.require(input.expectedVersion(), evaluation.version, "RegionalEvaluation");
                    Uni<Void> rename = Uni.createFrom().voidItem();
                    if (input.name() != null && !input.name().strip().equals(evaluation.name)) {
                        String name = input.name().strip();
                        rename = evaluations.evaluationsOf(sql, evaluation.zoneId).invoke(existing -> {
                            if (existing.stream().anyMatch(e -> e.round == evaluation.round && e.name.equals(name))) {
                                throw DubanException.conflict("Round " + evaluation.round + " of this zone has " + name + " already");
                            }
                            evaluation.name = name;
                        }).replaceWithVoid();
                    }
                    if (input.status() != null || input.completedOn() != null) {
                        setStatus(evaluation, input.status() != null ? input.status() : evaluation.status,
                                input.completedOn() != null ? input.completedOn() : evaluation.completedOn);
                    }
                    if (input.note() != null) {
                        evaluation.note = blankToNull(input.note());
                    }
                    evaluation.touch(clock.instant());
                    return rename.chain(() -> evaluations.update(sql, evaluation)).replaceWith(evaluation.id);
                }));
    }

    private void setStatus(RegionalEvaluationRow evaluation, EvaluationStatus status, LocalDate completedOn) {
        if (status == EvaluationStatus.DONE) {
            if (completedOn == null) {
                throw DubanException.validation("input.completedOn", "a DONE evaluation has a completion date");
            }
            if (completedOn.isAfter(ChinaTime.today(clock))) {
                throw DubanException.validation("input.completedOn", "is in the future");
            }
        }
        evaluation.status = status;
        evaluation.completedOn = status == EvaluationStatus.DONE ? completedOn : null;
    }

    /** The zone, if it exists in a region the caller may edit land in. */
    private Uni<UnitRow> zoneInScope(SqlClient sql, long zoneId) {
        return callers.current().chain(caller -> units.unit(sql, zoneId)
                .map(zone -> zone != null && caller.editsLandIn(zone.regionId) ? zone : null));
    }
}
