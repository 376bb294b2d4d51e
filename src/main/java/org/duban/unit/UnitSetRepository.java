package org.duban.unit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UnitSetRepository implements PanacheRepository<UnitSetEntity> {

    public Uni<List<UnitSetEntity>> inRegion(long regionId) {
        return list("regionId", regionId);
    }

    /** Replaces the listed members of a LISTED set. */
    public Uni<Void> replaceMembers(long setId, List<Long> unitIds) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from unit_set_member where set_id = ?1")
                .setParameter(1, setId)
                .executeUpdate()
                .chain(() -> unitIds.isEmpty() ? Uni.createFrom().item(0) : session
                        .createNativeQuery("insert into unit_set_member (set_id, unit_id) select ?1, unnest(cast(?2 as bigint[]))")
                        .setParameter(1, setId)
                        .setParameter(2, unitIds.toArray(new Long[0]))
                        .executeUpdate()))
                .replaceWithVoid();
    }
}
