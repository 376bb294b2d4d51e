package org.duban.bulletin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Bulletins (通报): previewed, published frozen, listed, and the one that corrects another. */
@GraphQLApi
@Authenticated
public class BulletinApi {

    private final Bulletins bulletins;
    private final BulletinMaker maker;
    private final BulletinQueries queries;
    private final Callers callers;

    BulletinApi(Bulletins bulletins, BulletinMaker maker, BulletinQueries queries, Callers callers) {
        this.bulletins = bulletins;
        this.maker = maker;
        this.queries = queries;
        this.callers = callers;
    }

    @Query
    @RolesAllowed({ Roles.ADMIN, Roles.LEADER })
    @Description("What a bulletin of these plans and period would report now, without publishing anything (ADMIN, LEADER)")
    public Uni<@NonNull BulletinFigures> bulletinPreview(@NonNull BulletinInput input) {
        return callers.current().chain(caller -> maker.draft(input, caller)).map(BulletinMaker.Draft::figures);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("The office publishes a bulletin (通报) of its region's plans for a period: numbered per region and year, its"
            + " figures, PDF and XLSX kept as published with their SHA-256, never changed after. To correct one, publish another"
            + " with corrects and correctionNote.")
    public Uni<@NonNull Bulletin> publishBulletin(@NonNull BulletinInput input) {
        return callers.current().chain(caller -> bulletins.publish(input, caller).chain(id -> queries.visible(id, caller)));
    }

    @Query
    @Description("Published bulletins, newest first: of the region, or of every region the caller reads (the offices and"
            + " leaders of a region and above it, and the region's units)")
    public Uni<@NonNull List<@NonNull Bulletin>> bulletins(@Id String regionId, Integer last) {
        int limit = PageRequest.requireLast(last == null ? 20 : last);
        Long region = Ids.parseOptional(regionId, IdKind.REGION);
        return callers.current().chain(caller -> queries.newest(region, limit, caller));
    }

    @NonNull
    @Description("The figures as published")
    public Uni<List<BulletinFigures>> figures(@Source List<Bulletin> sources) {
        return queries.figuresOf(Batches.keys(sources, Bulletin::id));
    }

    @Description("The bulletin this one corrects")
    public Uni<List<Bulletin>> corrects(@Source List<Bulletin> sources) {
        return queries.byIds(Batches.keys(sources, Bulletin::correctsId))
                .map(found -> Batches.single(sources, Bulletin::correctsId, found, Bulletin::id));
    }

    @Description("The bulletin that corrects this one, if any: read that one instead")
    public Uni<List<Bulletin>> correctedBy(@Source List<Bulletin> sources) {
        return queries.correctionsOf(Batches.keys(sources, Bulletin::id))
                .map(found -> Batches.single(sources, Bulletin::id, found, Bulletin::correctsId));
    }
}
