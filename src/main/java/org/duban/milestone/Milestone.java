package org.duban.milestone;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.warning.WarningBasis;
import org.duban.warning.WarningLevel;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Milestone")
@Description("A dated target inside a task (节点), reminded and coloured as a deadline is")
public record Milestone(
        @Id @GlobalId(IdKind.MILESTONE) long id,
        @NonNull LocalDate dueOn,
        @NonNull String title,
        MilestoneMeasure measure,
        BigDecimal target,
        @Description("The measure's figure now, for a measured milestone") BigDecimal value,
        @Description("Met: the measure reached the target, or the milestone was ticked") boolean met,
        @Description("When it was ticked, for one without a measure") Instant doneAt,
        @NonNull @Id @GlobalId(IdKind.EVIDENCE) List<@NonNull String> evidenceIds,
        @Description("三色预警 of the milestone, by the rule of tasks: null once met or while the task is suspended or signed off")
        WarningLevel warningLevel,
        WarningBasis warningBasis,
        @NonNull Integer version,
        @Ignore long taskId) {
}
