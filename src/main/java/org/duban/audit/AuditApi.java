package org.duban.audit;

import jakarta.annotation.security.RolesAllowed;

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

    AuditApi(AuditQueries queries, Context context) {
        this.context = context;
        this.queries = queries;
    }

    @Query
    @RolesAllowed({ Roles.ADMIN, Roles.LEADER })
    @Description("Every change made through a mutation, newest first.")
    public Uni<@NonNull AuditConnection> auditLog(AuditFilter filter, Integer first, String after) {
        return queries.page(filter, PageRequest.of(first, after).counting(Selections.asks(context, "totalCount")));
    }
}
