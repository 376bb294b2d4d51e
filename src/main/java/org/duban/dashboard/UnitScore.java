package org.duban.dashboard;

import java.math.BigDecimal;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.supervisionnotice.SupervisionNoticeCounts;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("UnitScore")
@Description("One unit's line in the ranking (通报): items are its tasks, and the occurrences due so far of its recurring "
        + "ones; deadlines are the original ones unless the office decided to count against an extended one.")
public record UnitScore(
        @Description("1 for the best; units with the same on-time rate and overdue count share a rank") int rank,
        @NonNull @Id @GlobalId(IdKind.UNIT) String unitId,
        @NonNull String unitName,
        int assigned,
        @Description("Of those, the ones it leads") int leading,
        int signedOff,
        @Description("Signed off, and submitted by the deadline") int onTime,
        @Description("Signed off, but submitted after the deadline") int late,
        @Description("Past the deadline and neither submitted nor signed off") int overdueNow,
        @Description("onTime ÷ (signedOff + overdueNow), each item weighed by the unit's role (duban.scoreboard.lead-weight, "
                + "1, and assist-weight, 0.5), in percent with two decimals; null while nothing is decided")
        BigDecimal onTimeRate,
        @Description("How often the unit was urged (催办) about the plan's tasks: by the office, and by the policy's ladder")
        int urgings,
        @NonNull @Description("The supervision notices (督办单) the unit got about the plan's tasks, by level")
        SupervisionNoticeCounts supervisionNotices) {
}
