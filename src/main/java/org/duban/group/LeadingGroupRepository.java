package org.duban.group;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LeadingGroupRepository implements PanacheRepository<LeadingGroupEntity> {

    public Uni<List<LeadingGroupEntity>> inRegion(long regionId) {
        return list("regionId", regionId);
    }
}
