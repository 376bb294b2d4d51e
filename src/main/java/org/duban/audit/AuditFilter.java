package org.duban.audit;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("AuditFilter")
public record AuditFilter(
        @Description("e.g. Task, Plan, Parcel, User") String entityType,
        String entityId,
        @Id String actorId,
        @Description("From this instant, inclusive") Instant from,
        @Description("Before this instant") Instant to) {
}
