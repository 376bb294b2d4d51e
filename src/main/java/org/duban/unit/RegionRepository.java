package org.duban.unit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RegionRepository implements PanacheRepository<RegionEntity> {

    public Uni<RegionEntity> byCode(String code) {
        return find("code", code).firstResult();
    }
}
