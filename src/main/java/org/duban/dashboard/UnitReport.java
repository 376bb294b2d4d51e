package org.duban.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.duban.plan.AssignmentRole;
import org.duban.plan.Task;
import org.duban.plan.TaskStatus;
import org.duban.supervision.ProgressReport;
import org.duban.unit.Unit;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("UnitReport")
@Description("What a unit was assigned (due in the period), reported and closed (signed off) from `from` to `to`, "
        + "both included, in Asia/Shanghai days.")
public record UnitReport(
        @NonNull Unit unit,
        @NonNull LocalDate from,
        @NonNull LocalDate to,
        @NonNull List<@NonNull DueItem> due,
        @NonNull List<@NonNull ProgressReport> reports,
        @NonNull List<@NonNull ClosedItem> closed) {

    @Type("UnitReportDueItem")
    public record DueItem(@NonNull Task task, @Id String occurrenceId, @NonNull LocalDate dueOn, @NonNull AssignmentRole role,
            @NonNull TaskStatus status) {
    }

    @Type("UnitReportClosedItem")
    public record ClosedItem(@NonNull Task task, @Id String occurrenceId, @NonNull Instant signedOffAt,
            @Description("The day of the last submission") LocalDate submittedOn,
            @Description("Submitted by the deadline counted against") boolean onTime) {
    }
}
