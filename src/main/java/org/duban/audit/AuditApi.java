package org.duban.audit;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.graphql.Selections;
import org.duban.common.page.PageRequest;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** The audit trail is read-only through the API: no mutation changes or deletes an entry. */
@GraphQLApi
@Authenticated
public class AuditApi {

    private final AuditQueries queries;

    private final Context context;
    private final Callers callers;

    AuditApi(AuditQueries queries, Context context, Callers callers) {
        this.context = context;
        this.queries = queries;
        this.callers = callers;
    }

    @Query
    @RolesAllowed({ Roles.SYSTEM, Roles.ADMIN, Roles.LEADER })
    @Description("Every change made through a mutation, newest first: of the regions the caller oversees; the platform's "
            + "operator sees the changes that belong to no region (regions, the calendar, accounts without a unit).")
    public Uni<@NonNull AuditConnection> auditLog(AuditFilter filter, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after).counting(Selections.asks(context, "totalCount"));
        return callers.current().chain(caller -> queries.page(filter, page, caller.overseenRegions().toArray(Long[]::new),
                caller.is(Roles.SYSTEM)));
    }
}
