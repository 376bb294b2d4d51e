package org.duban.land.quota;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.Found;
import org.duban.common.sql.Batches;
import org.duban.land.Parcel;
import org.duban.unit.Region;
import org.duban.unit.UnitQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class QuotaApi {

    private final Callers callers;
    private final QuotaQueries queries;
    private final UnitQueries units;
    private final QuotaService service;

    QuotaApi(QuotaQueries queries, UnitQueries units, QuotaService service, Callers callers) {
        this.callers = callers;
        this.queries = queries;
        this.units = units;
        this.service = service;
    }

    @Query
    @Description("The quotas of approved-but-unsupplied land to digest, of one year or all, with computed progress: "
            + "those of the caller's region (all for ADMIN and LEADER).")
    public Uni<@NonNull List<@NonNull QuotaProgress>> quotas(Integer year) {
        return callers.current().chain(caller -> queries.ofYear(year, caller));
    }

    @Name("region")
    @NonNull
    public Uni<List<Region>> regionOfQuota(@Source List<QuotaProgress> quotas) {
        return units.regionsByIds(Batches.keys(quotas, QuotaProgress::regionId))
                .map(found -> Batches.single(quotas, QuotaProgress::regionId, found, Region::id));
    }

    @NonNull
    @Description("The parcels counted, and how each counted")
    public Uni<List<List<@NonNull CountedParcel>>> parcels(@Source List<QuotaProgress> quotas) {
        return queries.countedParcels(Batches.keys(quotas, QuotaProgress::id))
                .map(found -> Batches.grouped(quotas, QuotaProgress::id, found, CountedParcel::quotaId));
    }

    @NonNull
    @Description("The supplies of the quota's year from outside its stock (countedAs NEW_SUPPLY): not in suppliedMu")
    public Uni<List<List<@NonNull CountedParcel>>> newSupplyParcels(@Source List<QuotaProgress> quotas) {
        return queries.newSupply(Batches.keys(quotas, QuotaProgress::id))
                .map(found -> Batches.grouped(quotas, QuotaProgress::id, found, CountedParcel::quotaId));
    }

    @Name("parcels")
    @NonNull
    @Description("The parcels listed one by one; a cut-off stock lists none")
    public Uni<List<List<@NonNull Parcel>>> listedParcels(@Source List<QuotaStock> stocks) {
        return queries.listedStock(Batches.keys(stocks, QuotaStock::quotaId))
                .map(found -> Batches.grouped(stocks, QuotaStock::quotaId, found, QuotaQueries.ListedParcel::quotaId).stream()
                        .map(listed -> listed.stream().map(QuotaQueries.ListedParcel::parcel).toList()).toList());
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    @Name("setQuota")
    @Description("Sets a region's quota for a year, replacing the one there was.")
    public Uni<@NonNull QuotaProgress> setQuota(@NonNull QuotaInput input) {
        return service.set(input)
                .chain(id -> queries.byIds(new Long[] { id }).map(found -> Found.one(found, "Quota", id)));
    }
}
