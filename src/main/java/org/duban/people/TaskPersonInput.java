package org.duban.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TaskPersonInput")
public record TaskPersonInput(
        @NonNull PersonRole role,
        @NonNull @NotBlank @Size(max = 100) String name,
        @Size(max = 100) @Description("Post, e.g. 副局长") String title,
        @Id @Description("The person's account, so that messages about the task reach it") String accountId,
        @Size(max = 20) @Pattern(regexp = "[0-9+\\- ]*", message = "digits, +, - and spaces only") String mobile) {
}
