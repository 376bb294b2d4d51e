package org.duban.problem;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("ProblemSummary")
@Description("The plan's feedback problems: how many are still open, cleared, and cleared on time (全部按时清零销号 "
        + "when clearedOnTime equals total)")
public record ProblemSummary(int total, int open, int cleared, int clearedOnTime) {
}
