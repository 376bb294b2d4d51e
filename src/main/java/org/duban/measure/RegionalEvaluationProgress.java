package org.duban.measure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;

@Type("RegionalEvaluationProgress")
@Description("How many of a zone's regional evaluations of a round are done")
public record RegionalEvaluationProgress(int total, int done, @Description("All done, and there is at least one") boolean complete,
        @Ignore long measureId) {
}
