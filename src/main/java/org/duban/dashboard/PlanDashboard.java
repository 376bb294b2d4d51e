package org.duban.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.duban.land.StandardLandStage;
import org.duban.land.quota.QuotaProgress;
import org.duban.plan.Plan;
import org.duban.plan.Task;
import org.duban.plan.TaskStatus;
import org.duban.warning.WarningLevel;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PlanDashboard")
@Description("Where a plan stands today. Counts cover its assigned tasks (those with a responsible unit), each by the "
        + "occurrence worked on now; section headings without units are left out.")
public record PlanDashboard(
        @NonNull Plan plan,
        @NonNull @Description("The day (Asia/Shanghai) the figures are for") LocalDate asOf,
        int assignedTasks,
        @NonNull List<@NonNull StatusCount> byStatus,
        @NonNull @Description("level null: signed off, suspended or undated") List<@NonNull WarningCount> byWarning,
        @NonNull @Description("RED tasks, by deadline") List<@NonNull Task> overdueTasks,
        @NonNull @Description("Open tasks without a deadline (and not recurring), in document order: no colour, no reminder; "
                + "the office may sign one off at issue") List<@NonNull Task> undatedTasks,
        @NonNull @Description("The quotas the plan's tasks measure themselves by") List<@NonNull QuotaProgress> quotas,
        @NonNull @Description("Standard-land parcels of the plan's region by stage") List<@NonNull StageCount> standardLandByStage,
        @Description("Items (tasks, and occurrences due so far of recurring ones) signed off on time") int signedOffOnTime,
        @Description("Of all items: the share signed off on time, in percent with two decimals; null without items") BigDecimal onTimeRate,
        @NonNull @Description("Tasks nobody is responsible for (no unit, not a section of other tasks), in document order: "
                + "left out of the counts above") List<@NonNull Task> unassignedTasks) {

    @Type("StatusCount")
    public record StatusCount(@NonNull TaskStatus status, int count) {
    }

    @Type("WarningCount")
    public record WarningCount(WarningLevel level, int count) {
    }

    @Type("StageCount")
    public record StageCount(@NonNull StandardLandStage stage, int count) {
    }
}
