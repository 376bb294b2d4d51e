package org.duban.mywork;

import java.util.List;

import org.duban.signing.Signing;
import org.duban.supervision.Instruction;
import org.duban.urging.Urging;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Inbox")
@Description("What the caller's unit owes an answer to, each list at most 100 long: tasks to sign for, urgings to answer, "
        + "instructions to answer. Empty for an account without a unit.")
public record Inbox(
        @NonNull @Description("Tasks to sign for (签收) or return, longest waiting first") List<@NonNull Signing> toSign,
        @NonNull @Description("Urgings sent to the unit and not answered, newest first") List<@NonNull Urging> urgings,
        @NonNull @Description("Instructions awaiting the unit's answer, soonest due first") List<@NonNull Instruction> instructions) {
}
