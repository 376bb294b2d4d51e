package org.duban.plan;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;

@Type("PlanAddressee")
@Description("A unit or unit set the plan is addressed to (主送), in the document's order: exactly one of unit and unitSet")
public record PlanAddressee(@Ignore long planId, @Ignore Long unitId, @Ignore Long unitSetId) {
}
