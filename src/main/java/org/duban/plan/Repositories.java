package org.duban.plan;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

/** The Panache repositories of plans and tasks; they run in the caller's session and transaction. */
public final class Repositories {

    private Repositories() {
    }

    @ApplicationScoped
    public static class Plans implements PanacheRepository<PlanEntity> {

        public Uni<PlanEntity> byDocumentNumber(String documentNumber) {
            return find("documentNumber", documentNumber).firstResult();
        }
    }

    @ApplicationScoped
    public static class Tasks implements PanacheRepository<TaskEntity> {

        /** The tasks of a plan that are not deleted. */
        public Uni<List<TaskEntity>> ofPlan(long planId) {
            return list("planId = ?1 and deletedAt is null order by id", planId);
        }
    }

    @ApplicationScoped
    public static class BasisDocuments implements PanacheRepository<BasisDocumentEntity> {
    }

    @ApplicationScoped
    public static class Assignments implements PanacheRepository<TaskAssignmentEntity> {
    }

    @ApplicationScoped
    public static class Deliverables implements PanacheRepository<DeliverableEntity> {

        public Uni<List<DeliverableEntity>> ofTask(long taskId) {
            return list("taskId = ?1 order by ordinal", taskId);
        }
    }
}
