package org.duban.unit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UnitRepository implements PanacheRepository<UnitEntity> {

    public Uni<List<UnitEntity>> inRegion(long regionId) {
        return list("regionId", regionId);
    }
}
