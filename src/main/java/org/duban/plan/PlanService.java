package org.duban.plan;

import static org.duban.common.Text.blankToNull;
import static org.duban.common.Text.stripped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.Versions;
import org.duban.group.GroupRows;
import org.duban.unit.UnitRow;
import org.duban.unit.UnitRows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Writes of plans by hand; each method is one transaction returning the plan id. */
@ApplicationScoped
public class PlanService {

    private final AuditTrail audit;
    private final PlanRows plans;
    private final TaskRows tasks;
    private final UnitRows units;
    private final GroupRows groups;
    private final InputValidator validator;
    private final Clock clock;

    PlanService(PlanRows plans, TaskRows tasks, UnitRows units, GroupRows groups, InputValidator validator, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.plans = plans;
        this.tasks = tasks;
        this.units = units;
        this.groups = groups;
        this.validator = validator;
        this.clock = clock;
    }

    public Uni<Long> createPlan(PlanInputs.CreatePlan input) {
        validator.check("input", input);
        String documentNumber = blankToNull(input.documentNumber());
        return audit.withTransaction(sql -> issuingUnit(sql, input.issuingUnitId())
                .call(unit -> documentNumber == null ? Uni.createFrom().voidItem() : requireFreeDocumentNumber(sql, documentNumber, null))
                .chain(unit -> RegionReferences.load(sql, units, groups, unit.regionId).chain(refs -> {
                    List<Long> groupIds = groupIds(input.leadingGroupIds(), refs);
                    Addressees addressees = addressees(input.addressees(), refs);
                    Instant now = clock.instant();
                    PlanRow plan = new PlanRow();
                    plan.regionId = unit.regionId;
                    plan.issuingUnitId = unit.id;
                    plan.documentNumber = documentNumber;
                    plan.title = input.title().strip();
                    plan.issuedOn = input.issuedOn();
                    plan.summary = blankToNull(input.summary());
                    plan.copiedTo = stripped(input.copiedTo());
                    plan.touch(now);
                    return plans.insert(sql, plan)
                            .chain(() -> plans.replaceBasisDocuments(sql, plan.id, basisDocuments(input.basisDocuments())))
                            .chain(() -> plans.replaceLeadingGroups(sql, plan.id, groupIds))
                            .chain(() -> plans.replaceAddressees(sql, plan.id, addressees.unitIds(), addressees.setIds()))
                            .map(done -> plan.id);
                })));
    }

    public Uni<Long> updatePlan(String id, PlanInputs.UpdatePlan input) {
        validator.check("input", input);
        long planId = Ids.parse(id, IdKind.PLAN);
        return audit.withTransaction(sql -> plans.plan(sql, planId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Plan", id))
                .chain(plan -> {
                    Versions.require(input.expectedVersion(), plan.version, "Plan");
                    Uni<Void> steps = Uni.createFrom().voidItem();
                    if (input.issuingUnitId() != null) {
                        steps = steps.chain(() -> issuingUnit(sql, input.issuingUnitId()).invoke(unit -> {
                            if (unit.regionId.longValue() != plan.regionId) {
                                throw DubanException.validation("input.issuingUnitId", "must be a unit of the plan's region");
                            }
                            plan.issuingUnitId = unit.id;
                        })).replaceWithVoid();
                    }
                    if (input.documentNumber() != null) {
                        String documentNumber = input.documentNumber().strip();
                        steps = steps.chain(() -> requireFreeDocumentNumber(sql, documentNumber, plan.id))
                                .invoke(() -> plan.documentNumber = documentNumber);
                    }
                    if (input.title() != null) {
                        plan.title = input.title().strip();
                    }
                    if (input.issuedOn() != null) {
                        plan.issuedOn = input.issuedOn();
                    }
                    if (input.summary() != null) {
                        plan.summary = blankToNull(input.summary());
                    }
                    if (input.copiedTo() != null) {
                        plan.copiedTo = stripped(input.copiedTo());
                    }
                    if (input.basisDocuments() != null) {
                        steps = steps.chain(() -> plans.replaceBasisDocuments(sql, plan.id, basisDocuments(input.basisDocuments())));
                    }
                    if (input.leadingGroupIds() != null) {
                        steps = steps.chain(() -> RegionReferences.load(sql, units, groups, plan.regionId))
                                .chain(refs -> plans.replaceLeadingGroups(sql, plan.id, groupIds(input.leadingGroupIds(), refs)));
                    }
                    if (input.addressees() != null) {
                        steps = steps.chain(() -> RegionReferences.load(sql, units, groups, plan.regionId))
                                .map(refs -> addressees(input.addressees(), refs))
                                .chain(wanted -> plans.replaceAddressees(sql, plan.id, wanted.unitIds(), wanted.setIds()));
                    }
                    if (input.answersPlan() != null) {
                        steps = steps.chain(() -> answers(sql, plan, input.answersPlan()));
                    }
                    plan.touch(clock.instant());
                    return steps.chain(() -> plans.update(sql, plan)).replaceWith(plan.id);
                }));
    }

    /** Links the plan to the higher plan it answers, found by 文号 among the plans of the regions above its own. */
    private Uni<Void> answers(SqlClient sql, PlanRow plan, String documentNumber) {
        String wanted = blankToNull(documentNumber);
        Uni<Long> higher = wanted == null ? Uni.createFrom().nullItem() : plans.higherPlan(sql, plan.regionId, wanted.strip())
                .invoke(id -> {
                    if (id == null) {
                        throw DubanException.validation("input.answersPlan", "no plan " + wanted + " of a region above the plan's");
                    }
                });
        return higher.chain(id -> plans.setAnswers(sql, plan.id, id).chain(() -> tasks.unlinkAnswersOutside(sql, plan.id, id)));
    }

    /** 主送, in order: per addressee a unit id or a set id, the other null. */
    private record Addressees(List<Long> unitIds, List<Long> setIds) {
    }

    private static Addressees addressees(List<PlanInputs.AddresseeInput> inputs, RegionReferences refs) {
        List<Long> unitIds = new ArrayList<>();
        List<Long> setIds = new ArrayList<>();
        if (inputs == null) {
            return new Addressees(unitIds, setIds);
        }
        for (int i = 0; i < inputs.size(); i++) {
            String field = "input.addressees[" + i + "]";
            Long unit = refs.unitId(inputs.get(i).unitId(), field + ".unitId");
            Long set = refs.setId(inputs.get(i).unitSetId(), field + ".unitSetId");
            if ((unit == null) == (set == null)) {
                throw DubanException.validation(field, "names a unit or a unit set, exactly one");
            }
            unitIds.add(unit);
            setIds.add(set);
        }
        return new Addressees(unitIds, setIds);
    }

    private Uni<UnitRow> issuingUnit(SqlClient sql, String id) {
        long unitId = Ids.parse(id, IdKind.UNIT);
        return units.unit(sql, unitId).onItem().ifNull().failWith(() -> DubanException.notFound("Unit", id));
    }

    private Uni<Void> requireFreeDocumentNumber(SqlClient sql, String documentNumber, Long except) {
        return plans.byDocumentNumber(sql, documentNumber).invoke(existing -> {
            if (existing != null && !existing.id.equals(except)) {
                throw DubanException.conflict("A plan with document number " + documentNumber + " exists already");
            }
        }).replaceWithVoid();
    }

    private static List<Long> groupIds(List<String> ids, RegionReferences refs) {
        List<Long> result = new ArrayList<>();
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                Long groupId = refs.groupId(ids.get(i), "input.leadingGroupIds[" + i + "]");
                if (!result.contains(groupId)) {
                    result.add(groupId);
                }
            }
        }
        return result;
    }

    private static List<BasisDocumentRow> basisDocuments(List<PlanInputs.BasisDocumentInput> inputs) {
        List<BasisDocumentRow> result = new ArrayList<>();
        if (inputs != null) {
            for (PlanInputs.BasisDocumentInput input : inputs) {
                if (input == null) {
                    continue;
                }
                BasisDocumentRow document = new BasisDocumentRow();
                document.number = input.number().strip();
                document.title = blankToNull(input.title());
                document.issuer = blankToNull(input.issuer());
                result.add(document);
            }
        }
        return result;
    }
}
