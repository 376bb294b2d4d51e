package org.duban.importer;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Roles;
import org.duban.common.Found;
import org.duban.common.WorkerThreads;
import org.duban.plan.PlanQueries;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class ImportApi {

    private final PlanImporter importer;
    private final PlanQueries plans;

    ImportApi(PlanImporter importer, PlanQueries plans) {
        this.importer = importer;
        this.plans = plans;
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Imports a plan file (format duban-plan/1, see README) in one transaction: all of it or nothing. "
            + "An existing plan (by document number; without one, by title, issuer and date) is a CONFLICT unless replace is true. Every mistake of the file is an error of "
            + "its own, each with its field. dryRun: checks and counts everything and writes nothing.")
    public Uni<@NonNull ImportResult> importPlan(@NonNull String document, @DefaultValue("false") boolean replace,
            @DefaultValue("false") boolean dryRun) {
        return WorkerThreads.run(() -> PlanDocumentParser.parse(document))
                .chain(parsed -> importer.importPlan(parsed, replace, dryRun))
                .chain(outcome -> outcome.dryRun() && outcome.created()
                        // a dry run that would create the plan has none to show
                        ? Uni.createFrom().item(ImportResult.of(null, outcome))
                        : plans.byIds(new Long[] { outcome.planId() })
                                .map(found -> ImportResult.of(Found.one(found, "Plan", outcome.planId()), outcome)));
    }
}
