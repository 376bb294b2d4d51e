package org.duban.importer;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("MissingField")
@Description("What the plan file wants that the notice does not say: the draft leaves it for the office to fill in")
public record MissingField(@NonNull @Description("Its place in the draft, e.g. tasks[9].units") String path,
        @NonNull String what) {
}
