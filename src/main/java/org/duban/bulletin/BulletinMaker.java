package org.duban.bulletin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.ChinaTime;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.dashboard.Standings;
import org.duban.dashboard.UnitScore;
import org.duban.land.Area;
import org.duban.land.quota.QuotaQueries;
import org.duban.plan.Plan;
import org.duban.plan.PlanQueries;
import org.duban.supervisionnotice.SupervisionNotice;
import org.duban.supervisionnotice.SupervisionNoticeQueries;
import org.duban.supervisionnotice.SupervisionNoticeState;
import org.duban.unit.UnitQueries;

import io.smallrye.mutiny.Uni;

/**
 * Computes what a bulletin reports for plans of one region over a period: the same figures for a preview and for the
 * bulletin published, read in a fixed number of statements whatever the plans' size.
 */
@ApplicationScoped
class BulletinMaker {

    /** What a bulletin of these plans and period would say, and about which region, under which office's name. */
    record Draft(long regionId, String issuingOffice, String title, List<Long> planIds, BulletinFigures figures) {
    }

    private final PlanQueries plans;
    private final UnitQueries units;
    private final Standings standings;
    private final SupervisionNoticeQueries notices;
    private final QuotaQueries quotas;
    private final InputValidator validator;
    private final Clock clock;

    BulletinMaker(PlanQueries plans, UnitQueries units, Standings standings, SupervisionNoticeQueries notices, QuotaQueries quotas,
            InputValidator validator, Clock clock) {
        this.plans = plans;
        this.units = units;
        this.standings = standings;
        this.notices = notices;
        this.quotas = quotas;
        this.validator = validator;
        this.clock = clock;
    }

    Uni<Draft> draft(BulletinInput input, Caller caller) {
        validator.check("input", input);
        LocalDate today = ChinaTime.today(clock);
        if (input.from().isAfter(input.to())) {
            throw DubanException.validation("input.from", "is after to");
        }
        if (input.to().isAfter(today)) {
            throw DubanException.validation("input.to", "a bulletin reports a period that has ended: today at the latest");
        }
        Set<Long> wanted = new LinkedHashSet<>();
        for (int i = 0; i < input.planIds().size(); i++) {
            if (!wanted.add(Ids.parse(input.planIds().get(i), IdKind.PLAN))) {
                throw DubanException.validation("input.planIds[" + i + "]", "names a plan twice");
            }
        }
        Long[] planIds = wanted.toArray(new Long[0]);
        return plans.byIds(planIds, caller).chain(found -> {
            if (found.size() != planIds.length) {
                throw DubanException.notFound("Plan", null);
            }
            Map<Long, Plan> byId = new HashMap<>();
            found.forEach(plan -> byId.put(plan.id(), plan));
            List<Plan> ordered = wanted.stream().map(byId::get).toList();
            long region = ordered.get(0).regionId();
            if (ordered.stream().anyMatch(plan -> plan.regionId() != region)) {
                throw DubanException.validation("input.planIds", "a bulletin reports plans of one region");
            }
            return units.unitsByIds(new Long[] { ordered.get(0).issuingUnitId() })
                    .chain(issuer -> standings.asOf(planIds, input.to())
                            .chain(standing -> notices.issuedInPlans(planIds, input.from(), input.to())
                                    .chain(issued -> quotas.ofPlans(planIds)
                                            .map(quotaList -> new Draft(region, issuer.isEmpty() ? "" : issuer.get(0).name(),
                                                    input.title() != null && !input.title().isBlank() ? input.title().strip()
                                                            : defaultTitle(input.from(), input.to()),
                                                    List.of(planIds),
                                                    figures(input, ordered, standing, issued, quotaList))))));
        });
    }

    private static BulletinFigures figures(BulletinInput input, List<Plan> plans, Standings.Standing standing,
            List<SupervisionNotice> issued, List<org.duban.land.quota.QuotaProgress> quotas) {
        Map<Long, String> planNames = new HashMap<>();
        plans.forEach(plan -> planNames.put(plan.id(), plan.documentNumber() == null ? plan.title() : plan.documentNumber()));
        int decided = standing.signedOff() + standing.overdue().size();
        return new BulletinFigures(input.from(), input.to(),
                plans.stream().map(plan -> new BulletinFigures.PlanLine(plan.title(), plan.documentNumber())).toList(),
                new BulletinFigures.Totals(standing.items(), standing.signedOff(), standing.onTime(), standing.late(),
                        standing.overdue().size(), decided == 0 ? null
                                : Area.percent(java.math.BigDecimal.valueOf(standing.onTime()), java.math.BigDecimal.valueOf(decided))),
                standing.ranking().stream().map(BulletinMaker::rankLine).toList(),
                standing.overdue().stream().map(item -> new BulletinFigures.OverdueLine(planNames.get(item.planId()), item.code(),
                        item.title(), item.due(), item.daysOverdue(), item.units())).toList(),
                issued.stream().map(notice -> new BulletinFigures.NoticeLine(notice.number(), notice.level(), notice.unitName(),
                        notice.taskCode(), notice.taskTitle(), notice.issuedOn(), notice.replyBy(),
                        notice.state() == SupervisionNoticeState.REPLIED)).toList(),
                quotas.stream().map(quota -> new BulletinFigures.QuotaLine(quota.year(), quota.issuedBy(), quota.targetMu(),
                        quota.suppliedMu(), quota.remainingMu(), quota.completionRate())).toList());
    }

    private static BulletinFigures.RankLine rankLine(UnitScore score) {
        return new BulletinFigures.RankLine(score.rank(), score.unitName(), score.assigned(), score.signedOff(), score.onTime(),
                score.late(), score.overdueNow(), score.onTimeRate(), score.urgings(), score.supervisionNotices().blue(),
                score.supervisionNotices().yellow(), score.supervisionNotices().red());
    }

    /** 关于2022年10月整改工作推进情况的通报, for a month; the days otherwise. */
    static String defaultTitle(LocalDate from, LocalDate to) {
        String period = from.getDayOfMonth() == 1 && to.equals(from.with(TemporalAdjusters.lastDayOfMonth()))
                ? from.getYear() + "年" + from.getMonthValue() + "月"
                : ChinaTime.dateWords(from) + "至" + (to.getYear() == from.getYear() ? to.getMonthValue() + "月" + to.getDayOfMonth() + "日"
                        : ChinaTime.dateWords(to));
        return "关于" + period + "整改工作推进情况的通报";
    }
}
