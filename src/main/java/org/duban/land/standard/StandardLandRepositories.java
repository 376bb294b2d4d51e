package org.duban.land.standard;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

public final class StandardLandRepositories {

    private StandardLandRepositories() {
    }

    @ApplicationScoped
    public static class Indicators implements PanacheRepository<ControlIndicatorEntity> {

        public Uni<List<ControlIndicatorEntity>> ofParcel(long parcelId) {
            return list("parcelId = ?1 order by ordinal", parcelId);
        }
    }

    @ApplicationScoped
    public static class StageChanges implements PanacheRepository<ParcelStageChangeEntity> {
    }

    @ApplicationScoped
    public static class Evaluations implements PanacheRepository<RegionalEvaluationEntity> {

        public Uni<List<RegionalEvaluationEntity>> ofZone(long zoneId) {
            return list("zoneId", zoneId);
        }
    }
}
