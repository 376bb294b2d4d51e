package org.duban.supervisionnotice;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** What the office issues and what the unit replies. */
public final class SupervisionNoticeInputs {

    private SupervisionNoticeInputs() {
    }

    @Input("IssueSupervisionNoticeInput")
    @Description("A supervision notice (督办单) on a task, or one of its milestones, to one of its responsible units")
    public record Issue(
            @NonNull @Id String taskId,
            @Description("The unit pressed; by default the one unit that answers for the task (its lead)") @Id String unitId,
            @Description("The milestone lagging, when the notice is about one") @Id String milestoneId,
            @Description("By default the ladder's: the task's colour for a first notice, a level above the last one after it")
            SupervisionLevel level,
            @NonNull @NotBlank @Size(max = 2000) @Description("What the unit is required to do (督办要求)") String requirement,
            @Description("The day the unit replies by; by default duban.supervision-notices.reply-working-days working days"
                    + " after today") LocalDate replyBy) {
    }

    @Input("ReplySupervisionNoticeInput")
    @Description("The unit's reply to a supervision notice: what it has done (办理情况), with evidence")
    public record Reply(
            @NonNull @NotBlank @Size(max = 5000) String text,
            @Size(max = 50) @Description("Evidence of the task, as uploaded or linked") @Id List<String> evidenceIds) {
    }
}
