package org.duban.problem;

import java.time.LocalDate;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Problem")
@Description("A problem the inspection fed back (督察反馈问题) that the plan answers, rectified by its tasks: cleared "
        + "(清零销号) when all of them are signed off")
public record Problem(
        @Id @GlobalId(IdKind.PROBLEM) long id,
        @NonNull @Description("As the feedback numbers it, e.g. 一 or 3") String number,
        @NonNull String text,
        @Description("The document that fed it back, e.g. 晋督〔2022〕4号") String sourceDocument,
        @Description("Live tasks rectifying it") int taskCount,
        int signedOffTasks,
        @Description("Every one of its tasks is signed off (and it has at least one)") boolean cleared,
        @Description("The day the last of its tasks was signed off, once cleared") LocalDate clearedOn,
        @Description("Cleared with every task signed off by its deadline (the original one unless the office counts the "
                + "extended); null while open") Boolean clearedOnTime,
        @Ignore long planId) {
}
