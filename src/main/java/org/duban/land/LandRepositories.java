package org.duban.land;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

/** Panache repositories of parcels and their approval adjustments; they run in the caller's transaction. */
public final class LandRepositories {

    private LandRepositories() {
    }

    @ApplicationScoped
    public static class Parcels implements PanacheRepository<ParcelEntity> {

        public Uni<ParcelEntity> byCode(long regionId, String code) {
            return find("regionId = ?1 and code = ?2", regionId, code).firstResult();
        }
    }

    @ApplicationScoped
    public static class Adjustments implements PanacheRepository<ApprovalAdjustmentEntity> {

        public Uni<List<ApprovalAdjustmentEntity>> ofParcel(long parcelId) {
            return list("parcelId = ?1 order by id", parcelId);
        }
    }
}
