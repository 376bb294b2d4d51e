package org.duban.measure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.land.Area;
import org.duban.land.quota.QuotaProgress;
import org.duban.land.quota.QuotaQueries;

import io.smallrye.mutiny.Uni;

/**
 * How far tasks' measures are, for any number of tasks in at most four statements (the measures, then the quotas,
 * evaluations and sales they name, each only when some measure names one): what a task's progress follows when it
 * is measured by the land.
 */
@ApplicationScoped
public class MeasureProgress {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100).setScale(2);
    private static final BigDecimal NONE = BigDecimal.ZERO.setScale(2);

    private final MeasureQueries measures;
    private final QuotaQueries quotas;

    MeasureProgress(MeasureQueries measures, QuotaQueries quotas) {
        this.measures = measures;
        this.quotas = quotas;
    }

    /** The measures of the tasks with their shares, by task id, in the order the plan gives them. */
    public Uni<Map<Long, List<MeasuredProgress>>> ofTasks(Long[] taskIds) {
        return measures.measuresOf(taskIds).chain(found -> {
            List<Measure> quotaMeasures = found.stream().filter(m -> m.kind() == MeasureKind.QUOTA).toList();
            Uni<List<QuotaProgress>> quotaFigures = quotaMeasures.isEmpty() ? Uni.createFrom().item(List.of())
                    : quotas.byRegionAndYear(quotaMeasures.stream().map(Measure::regionId).toArray(Long[]::new),
                            quotaMeasures.stream().map(Measure::year).toArray(Integer[]::new));
            boolean evaluated = found.stream().anyMatch(m -> m.kind() == MeasureKind.REGIONAL_EVALUATIONS);
            Uni<List<RegionalEvaluationProgress>> evaluations = evaluated ? measures.evaluationProgress(found)
                    : Uni.createFrom().item(List.of());
            boolean sold = found.stream().anyMatch(m -> m.kind() == MeasureKind.STANDARD_LAND_SALES);
            Uni<List<StandardLandSales>> sales = sold ? measures.sales(found) : Uni.createFrom().item(List.of());
            return quotaFigures.chain(q -> evaluations.chain(e -> sales.map(s -> shares(found, q, e, s))));
        });
    }

    private static Map<Long, List<MeasuredProgress>> shares(List<Measure> found, List<QuotaProgress> quotaFigures,
            List<RegionalEvaluationProgress> evaluations, List<StandardLandSales> sales) {
        Map<Long, List<MeasuredProgress>> byTask = new HashMap<>();
        for (Measure measure : found) {
            MeasuredProgress share = switch (measure.kind()) {
                case QUOTA -> quota(measure, quotaFigures);
                case REGIONAL_EVALUATIONS -> evaluations(measure, evaluations);
                case STANDARD_LAND_SALES -> sales(measure, sales);
                case NUMBER -> number(measure);
            };
            byTask.computeIfAbsent(measure.taskId(), id -> new ArrayList<>()).add(share);
        }
        return byTask;
    }

    private static MeasuredProgress quota(Measure measure, List<QuotaProgress> figures) {
        QuotaProgress quota = figures.stream().filter(q -> q.regionId() == measure.regionId() && q.year() == measure.year())
                .findFirst().orElse(null);
        if (quota == null) {
            return new MeasuredProgress(measure, NONE, "No quota is set for " + measure.year());
        }
        return new MeasuredProgress(measure, quota.completionRate().min(HUNDRED), quota.suppliedMu().toPlainString() + " of "
                + quota.targetMu().toPlainString() + " mu digested (" + quota.completionRate().toPlainString() + " %)");
    }

    private static MeasuredProgress evaluations(Measure measure, List<RegionalEvaluationProgress> figures) {
        RegionalEvaluationProgress round = figures.stream().filter(e -> e.measureId() == measure.id()).findFirst().orElse(null);
        if (round == null || round.total() == 0) {
            return new MeasuredProgress(measure, NONE, "No regional evaluation of round " + measure.round() + " is recorded");
        }
        return new MeasuredProgress(measure, Area.percent(BigDecimal.valueOf(round.done()), BigDecimal.valueOf(round.total())),
                round.done() + " of " + round.total() + " regional evaluations of round " + measure.round() + " done");
    }

    private static MeasuredProgress number(Measure measure) {
        NumberTarget number = measure.number();
        String target = (number.atMost() ? "at most " : "") + number.target().toPlainString() + " " + number.unit();
        if (measure.actual() == null) {
            return new MeasuredProgress(measure, NONE, "Nothing reported yet; the target is " + target);
        }
        return new MeasuredProgress(measure, number.percent(measure.actual()), measure.actual().toPlainString() + " " + number.unit()
                + " reported on " + measure.actualOn() + "; the target is " + target);
    }

    /** Met when the zone sold standard land that year and all its industrial land as standard land; nothing between. */
    private static MeasuredProgress sales(Measure measure, List<StandardLandSales> figures) {
        StandardLandSales year = figures.stream().filter(s -> s.measureId() == measure.id()).findFirst().orElse(null);
        if (year == null || !year.atLeastOneStandardLand()) {
            return new MeasuredProgress(measure, NONE, "No standard land sold in " + measure.year());
        }
        String sold = year.standardLandSold() + " of " + year.industrialParcelsSold() + " industrial parcels sold in "
                + measure.year() + " were standard land";
        return new MeasuredProgress(measure, year.allStandardLand() ? HUNDRED : NONE, sold);
    }
}
