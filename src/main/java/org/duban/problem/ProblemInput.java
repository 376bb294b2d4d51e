package org.duban.problem;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ProblemInput")
@Description("A feedback problem and the plan's tasks that rectify it (at least one)")
public record ProblemInput(
        @NonNull @NotBlank @Size(max = 50) String number,
        @NonNull @NotBlank @Size(max = 4000) String text,
        @Size(max = 200) String sourceDocument,
        @NonNull @Size(min = 1, max = 500) @Id List<String> taskIds) {
}
