package org.duban.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.plan.AssignmentRole;
import org.duban.supervisionnotice.SupervisionLevel;
import org.duban.supervisionnotice.SupervisionNoticeCounts;

/**
 * The ranking of a plan's responsible units (通报): each item (a task, an occurrence due so far) weighs the lead or
 * the assist weight in its unit's on-time rate, so that a lead unit answers for more than a unit that helps.
 */
@ApplicationScoped
class Scoreboard {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal leadWeight;
    private final BigDecimal assistWeight;

    Scoreboard(ScoreboardSettings settings) {
        if (settings.leadWeight().signum() < 0 || settings.assistWeight().signum() < 0) {
            throw new IllegalStateException("duban.scoreboard weights are 0 or more");
        }
        this.leadWeight = settings.leadWeight();
        this.assistWeight = settings.assistWeight();
    }

    /** A unit responsible for a task, in a role. */
    record Responsibility(long taskId, long unitId, String unitName, AssignmentRole role) {
    }

    List<UnitScore> rank(List<Responsibility> responsibilities, Map<Long, List<ScoreItem>> items, Map<Long, Integer> urgings,
            Map<Long, Map<SupervisionLevel, Integer>> notices, LocalDate today) {
        Map<Long, Tally> tallies = new LinkedHashMap<>();
        for (Responsibility responsibility : responsibilities) {
            List<ScoreItem> own = items.get(responsibility.taskId());
            if (own == null) {
                continue;
            }
            Tally tally = tallies.computeIfAbsent(responsibility.unitId(), unit -> new Tally(unit, responsibility.unitName()));
            boolean leads = responsibility.role().answersForTask();
            for (ScoreItem item : own) {
                tally.add(item, leads, leads ? leadWeight : assistWeight, today);
            }
        }
        List<Tally> ranked = new ArrayList<>(tallies.values());
        ranked.sort(Comparator.comparing(Tally::rate, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(t -> t.weightedOverdue)
                .thenComparing(t -> -t.signedOff)
                .thenComparing(t -> t.name));
        List<UnitScore> scores = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Tally tally = ranked.get(i);
            int rank = i > 0 && ranked.get(i - 1).sameStanding(tally) ? scores.get(i - 1).rank() : i + 1;
            scores.add(new UnitScore(rank, String.valueOf(tally.unitId), tally.name, tally.assigned, tally.leading, tally.signedOff,
                    tally.onTime, tally.late, tally.overdueNow, tally.rate(), urgings.getOrDefault(tally.unitId, 0),
                    SupervisionNoticeCounts.of(notices.get(tally.unitId))));
        }
        return scores;
    }

    private static final class Tally {
        final long unitId;
        final String name;
        int assigned;
        int leading;
        int signedOff;
        int onTime;
        int late;
        int overdueNow;
        BigDecimal weightedOnTime = BigDecimal.ZERO;
        BigDecimal weightedDecided = BigDecimal.ZERO;
        BigDecimal weightedOverdue = BigDecimal.ZERO;

        Tally(long unitId, String name) {
            this.unitId = unitId;
            this.name = name;
        }

        void add(ScoreItem item, boolean leads, BigDecimal weight, LocalDate today) {
            assigned++;
            leading += leads ? 1 : 0;
            boolean overdue = item.overdue(today);
            signedOff += item.signedOff() ? 1 : 0;
            onTime += item.onTime() ? 1 : 0;
            late += item.late() ? 1 : 0;
            overdueNow += overdue ? 1 : 0;
            if (item.onTime()) {
                weightedOnTime = weightedOnTime.add(weight);
            }
            if (item.signedOff() || overdue) {
                weightedDecided = weightedDecided.add(weight);
            }
            if (overdue) {
                weightedOverdue = weightedOverdue.add(weight);
            }
        }

        /** Weighed on time ÷ weighed decided; null while nothing is decided (or all of it weighs nothing). */
        BigDecimal rate() {
            return weightedDecided.signum() == 0 ? null
                    : weightedOnTime.multiply(HUNDRED).divide(weightedDecided, 2, RoundingMode.HALF_UP);
        }

        boolean sameStanding(Tally other) {
            return Objects.equals(rate(), other.rate()) && weightedOverdue.compareTo(other.weightedOverdue) == 0;
        }
    }
}
