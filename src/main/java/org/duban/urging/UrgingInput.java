package org.duban.urging;

import java.time.Instant;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("UrgingInput")
public record UrgingInput(
        @NonNull @Id @Description("The responsible unit urged") String unitId,
        @Id @Description("A milestone of the task, when the urging is about it") String milestoneId,
        @NonNull @Description("MESSAGE sends it through Duban; the others record an urging made otherwise") UrgingChannel channel,
        @Size(max = 5000) @Description("What the office says (required for MESSAGE) or said") String message,
        @Size(max = 200) @Description("The person reached (required unless MESSAGE), e.g. 王某（办公室主任）") String personReached,
        @Size(max = 5000) @Description("What was answered, for a recorded urging") String answer,
        @Description("When a recorded urging took place; by default now, never in the future") Instant urgedAt) {
}
