package org.duban.bulletin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.duban.supervisionnotice.SupervisionLevel;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a bulletin reports, as it was when published (kept as JSON with the bulletin, so that it reads the same later):
 * the standing at the end of the period by the scoreboard's rule, what was overdue then, the supervision notices issued
 * in the period and the quotas' figures on the day of publication. Names are the units' and plans' as they were.
 */
@Type("BulletinFigures")
@RegisterForReflection
public record BulletinFigures(
        @NonNull LocalDate from,
        @NonNull LocalDate to,
        @NonNull List<@NonNull PlanLine> plans,
        @NonNull Totals totals,
        @NonNull @Description("The units ranked by the scoreboard's rule at the end of the period") List<@NonNull RankLine> ranking,
        @NonNull @Description("Items overdue at the end of the period, the longest first") List<@NonNull OverdueLine> overdue,
        @NonNull @Description("Supervision notices issued in the period") List<@NonNull NoticeLine> notices,
        @NonNull @Description("The quotas the plans' tasks measure themselves by, on the day of publication") List<@NonNull QuotaLine> quotas) {

    @Type("BulletinPlan")
    @RegisterForReflection
    public record PlanLine(@NonNull String title, String documentNumber) {
    }

    @Type("BulletinTotals")
    @RegisterForReflection
    public record Totals(
            @Description("Items due or decided by the end of the period: tasks, and occurrences of recurring ones") int items,
            int signedOff,
            int onTime,
            int late,
            int overdue,
            @Description("onTime ÷ (signedOff + overdue), in percent with two decimals; null while nothing is decided")
            BigDecimal onTimeRate) {
    }

    @Type("BulletinRankLine")
    @RegisterForReflection
    public record RankLine(int rank, @NonNull String unit, int assigned, int signedOff, int onTime, int late, int overdueNow,
            BigDecimal onTimeRate, int urgings, int blueNotices, int yellowNotices, int redNotices) {
    }

    @Type("BulletinOverdueLine")
    @RegisterForReflection
    public record OverdueLine(@NonNull String plan, @NonNull String code, @NonNull String title, @NonNull LocalDate due,
            int daysOverdue, @NonNull List<@NonNull String> units) {
    }

    @Type("BulletinNoticeLine")
    @RegisterForReflection
    public record NoticeLine(@NonNull String number, @NonNull SupervisionLevel level, @NonNull String unit,
            @NonNull String taskCode, @NonNull String taskTitle, @NonNull LocalDate issuedOn, @NonNull LocalDate replyBy,
            @Description("Replied to, when the bulletin was published") boolean replied) {
    }

    @Type("BulletinQuotaLine")
    @RegisterForReflection
    public record QuotaLine(int year, String issuedBy, @NonNull BigDecimal targetMu, @NonNull BigDecimal suppliedMu,
            @NonNull BigDecimal remainingMu, @NonNull BigDecimal completionRate) {
    }
}
