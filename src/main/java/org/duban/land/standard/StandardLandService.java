package org.duban.land.standard;

import static org.duban.common.Text.blankToNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.audit.AuditTrail;
import org.duban.common.ChinaTime;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.land.LandVisibility;
import org.duban.land.ParcelRow;
import org.duban.land.ParcelRows;
import org.duban.land.StandardLandStage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** The lifecycle of standard-land parcels: stage moves, control indicators, acceptance. Returns the parcel id. */
@ApplicationScoped
public class StandardLandService {

    private static final Set<IndicatorKind> STANDARD_KINDS = EnumSet.complementOf(EnumSet.of(IndicatorKind.OTHER));

    private final Callers callers;
    private final AuditTrail audit;
    private final ParcelRows parcels;
    private final StandardLandRows rows;
    private final InputValidator validator;
    private final Clock clock;

    StandardLandService(ParcelRows parcels, StandardLandRows rows, InputValidator validator, Clock clock, AuditTrail audit,
            Callers callers) {
        this.callers = callers;
        this.audit = audit;
        this.parcels = parcels;
        this.rows = rows;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * One stage forward at a time; an ADMIN may move back, with a reason. PUBLIC_SALE needs the control
     * indicators, the zone's regional evaluations and the site; CONSTRUCTION_STARTED needs the parcel supplied.
     */
    public Uni<Long> move(String parcelId, StandardLandInputs.StageMove input, Callers.Caller caller) {
        validator.check("input", input);
        LocalDate today = ChinaTime.today(clock);
        LocalDate on = input.on() != null ? input.on() : today;
        if (on.isAfter(today)) {
            throw DubanException.validation("input.on", "is after today (" + today + ")");
        }
        return audit.withTransaction(sql -> standardParcel(sql, parcelId).chain(parcel -> {
            StandardLandStage from = parcel.stage;
            StandardLandStage to = input.stage();
            if (to.ordinal() < from.ordinal()) {
                if (!caller.roles().contains(Roles.ADMIN)) {
                    throw new DubanException(ErrorCode.FORBIDDEN, "Only the office (ADMIN) moves a stage back", null);
                }
                if (blankToNull(input.reason()) == null) {
                    throw DubanException.validation("input.reason", "moving back from " + from + " to " + to + " needs a reason");
                }
                return record(sql, parcel, to, on, input, caller);
            }
            if (to != from.next()) {
                throw DubanException.invalidTransition("From " + from + " the next stage is " + from.next()
                        + "; stages are not skipped");
            }
            return missingFor(sql, parcel, to).chain(missing -> {
                if (!missing.isEmpty()) {
                    throw DubanException.invalidTransition("Parcel " + parcel.code + " cannot move to " + to + ": "
                            + String.join("; ", missing));
                }
                return record(sql, parcel, to, on, input, caller);
            });
        }));
    }

    private Uni<Long> record(SqlClient sql, ParcelRow parcel, StandardLandStage to, LocalDate on, StandardLandInputs.StageMove input,
            Callers.Caller caller) {
        ParcelStageChangeRow change = new ParcelStageChangeRow();
        change.parcelId = parcel.id;
        change.fromStage = parcel.stage;
        change.toStage = to;
        change.changedOn = on;
        change.note = blankToNull(input.note());
        change.reason = blankToNull(input.reason());
        change.accountId = caller.accountId();
        change.createdAt = clock.instant();
        parcel.stage = to;
        parcel.touch(clock.instant());
        return rows.insert(sql, change).chain(() -> parcels.update(sql, parcel)).replaceWith(parcel.id);
    }

    /** What keeps the parcel from entering {@code stage}, in words; empty when nothing does. */
    private Uni<List<String>> missingFor(SqlClient sql, ParcelRow parcel, StandardLandStage stage) {
        List<String> missing = new ArrayList<>();
        if (stage == StandardLandStage.CONSTRUCTION_STARTED && parcel.suppliedOn == null) {
            missing.add("the parcel is not supplied (sold) yet");
        }
        if (stage != StandardLandStage.PUBLIC_SALE) {
            return Uni.createFrom().item(missing);
        }
        if (parcel.siteReadyOn == null) {
            missing.add("the site is not ready (通平条件: set siteReadyOn)");
        }
        return rows.indicatorsOf(sql, parcel.id).chain(set -> {
            Set<IndicatorKind> kinds = set.stream().map(i -> i.kind).collect(Collectors.toSet());
            List<String> lacking = STANDARD_KINDS.stream().filter(k -> !kinds.contains(k)).map(Enum::name).toList();
            if (!lacking.isEmpty()) {
                missing.add("control indicators not set: " + String.join(", ", lacking));
            }
            if (parcel.zoneId == null) {
                missing.add("the parcel lies in no zone, so no regional evaluation covers it");
                return Uni.createFrom().item(missing);
            }
            return rows.evaluationsOf(sql, parcel.zoneId).map(zone -> {
                int round = zone.stream().mapToInt(e -> e.round).max().orElse(0);
                List<RegionalEvaluationRow> latest = zone.stream().filter(e -> e.round == round).toList();
                long done = latest.stream().filter(e -> e.status == EvaluationStatus.DONE).count();
                if (latest.isEmpty()) {
                    missing.add("the zone has no regional evaluation");
                } else if (done < latest.size()) {
                    missing.add("regional evaluations of round " + round + " not all done (" + done + " of " + latest.size() + ")");
                }
                return missing;
            });
        });
    }

    /** Replaces the agreed indicators; they are fixed once the parcel is past PUBLIC_SALE. */
    public Uni<Long> setIndicators(String parcelId, List<StandardLandInputs.Indicator> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            validator.check("indicators[" + i + "]", inputs.get(i));
        }
        List<ControlIndicatorRow> agreed = indicatorsFrom(inputs);
        return audit.withTransaction(sql -> standardParcel(sql, parcelId).chain(parcel -> {
            if (parcel.stage.ordinal() > StandardLandStage.PUBLIC_SALE.ordinal()) {
                throw DubanException.invalidTransition("The indicators were agreed at sale; parcel " + parcel.code
                        + " is at " + parcel.stage);
            }
            parcel.touch(clock.instant());
            return rows.replaceIndicators(sql, parcel.id, agreed).chain(() -> parcels.update(sql, parcel)).replaceWith(parcel.id);
        }));
    }

    /** The indicators from the input, validated; shared with the plan importer. */
    public static List<ControlIndicatorRow> indicatorsFrom(List<StandardLandInputs.Indicator> inputs) {
        List<ControlIndicatorRow> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            StandardLandInputs.Indicator input = inputs.get(i);
            String field = "indicators[" + i + "]";
            IndicatorKind kind = input.kind();
            ControlIndicatorRow indicator = new ControlIndicatorRow();
            indicator.kind = kind;
            indicator.name = blankToNull(input.name()) != null ? input.name().strip() : kind.defaultName();
            indicator.unit = blankToNull(input.unit()) != null ? input.unit().strip() : kind.defaultUnit();
            indicator.comparator = input.comparator() != null ? input.comparator() : defaultComparator(kind, input);
            if (indicator.name == null || indicator.comparator == null) {
                throw DubanException.validation(field, "an OTHER indicator names itself and its comparator");
            }
            if (!kind.allows(indicator.comparator)) {
                throw DubanException.validation(field + ".comparator", kind + " cannot use " + indicator.comparator);
            }
            if (!names.add(indicator.name)) {
                throw DubanException.validation(field + ".name", "named twice: " + indicator.name);
            }
            indicator.target = input.target();
            indicator.targetMax = input.targetMax();
            requireTargets(indicator, field);
            result.add(indicator);
        }
        return result;
    }

    private static Comparator defaultComparator(IndicatorKind kind, StandardLandInputs.Indicator input) {
        return switch (kind) {
            case INVESTMENT_INTENSITY, TAX_PER_MU -> Comparator.AT_LEAST;
            case FLOOR_AREA_RATIO -> input.targetMax() != null ? Comparator.BETWEEN : Comparator.AT_LEAST;
            case ENERGY_PER_OUTPUT -> Comparator.AT_MOST;
            case ENVIRONMENTAL_STANDARD -> Comparator.PASS;
            case OTHER -> null;
        };
    }

    private static void requireTargets(ControlIndicatorRow indicator, String field) {
        boolean pass = indicator.comparator == Comparator.PASS;
        boolean between = indicator.comparator == Comparator.BETWEEN;
        if (pass != (indicator.target == null)) {
            throw DubanException.validation(field + ".target", pass ? "a PASS indicator has no target value" : "is required");
        }
        if (between != (indicator.targetMax != null)) {
            throw DubanException.validation(field + ".targetMax", between ? "is required for BETWEEN" : "only BETWEEN has one");
        }
        if (between && indicator.targetMax.compareTo(indicator.target) < 0) {
            throw DubanException.validation(field + ".targetMax", "is below the target");
        }
        for (BigDecimal value : new BigDecimal[] { indicator.target, indicator.targetMax }) {
            if (value != null && (value.signum() < 0 || value.stripTrailingZeros().scale() > 4)) {
                throw DubanException.validation(field + ".target", "a value of at least 0 with at most 4 decimals");
            }
        }
    }

    /** 对表验收: records the actual value of every indicator at the ACCEPTANCE stage. */
    public Uni<Long> recordAcceptance(String parcelId, StandardLandInputs.Acceptance input) {
        validator.check("input", input);
        if (input.acceptedOn().isAfter(ChinaTime.today(clock))) {
            throw DubanException.validation("input.acceptedOn", "is in the future");
        }
        return audit.withTransaction(sql -> standardParcel(sql, parcelId).chain(parcel -> {
            if (parcel.stage != StandardLandStage.ACCEPTANCE) {
                throw DubanException.invalidTransition("Acceptance is recorded at the ACCEPTANCE stage; parcel " + parcel.code
                        + " is at " + parcel.stage);
            }
            return rows.indicatorsOf(sql, parcel.id).chain(agreed -> {
                if (agreed.isEmpty()) {
                    throw DubanException.invalidTransition("Parcel " + parcel.code + " has no control indicators to accept against");
                }
                Map<String, ControlIndicatorRow> byName = agreed.stream()
                        .collect(Collectors.toMap(i -> i.name, Function.identity()));
                for (int i = 0; i < input.actuals().size(); i++) {
                    StandardLandInputs.Actual actual = input.actuals().get(i);
                    String field = "input.actuals[" + i + "]";
                    ControlIndicatorRow indicator = byName.get(actual.name().strip());
                    if (indicator == null) {
                        throw DubanException.validation(field + ".name", "no indicator named " + actual.name() + " was agreed");
                    }
                    if (indicator.comparator == Comparator.PASS) {
                        if (actual.passed() == null) {
                            throw DubanException.validation(field + ".passed", "is required for " + indicator.name);
                        }
                        indicator.actualPassed = actual.passed();
                    } else {
                        if (actual.value() == null || actual.value().stripTrailingZeros().scale() > 4) {
                            throw DubanException.validation(field + ".value", "a value with at most 4 decimals is required for "
                                    + indicator.name);
                        }
                        indicator.actual = actual.value();
                    }
                }
                parcel.acceptedOn = input.acceptedOn();
                parcel.touch(clock.instant());
                return rows.recordActuals(sql, agreed).chain(() -> parcels.update(sql, parcel)).replaceWith(parcel.id);
            });
        }));
    }

    private Uni<ParcelRow> standardParcel(SqlClient sql, String id) {
        long parcelId = Ids.parse(id, IdKind.PARCEL);
        return callers.current().chain(caller -> parcels.parcel(sql, parcelId).map(parcel -> {
            if (parcel == null) {
                throw DubanException.notFound("Parcel", id);
            }
            if (!caller.editsLandIn(parcel.regionId)) {
                throw LandVisibility.refusal(caller, parcel.regionId, "Parcel", id);
            }
            if (!parcel.standardLand) {
                throw DubanException.invalidTransition("Parcel " + parcel.code + " is not standard land");
            }
            return parcel;
        }));
    }
}
