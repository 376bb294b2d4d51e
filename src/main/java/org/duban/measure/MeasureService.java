package org.duban.measure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.Ids;
import org.duban.plan.Repositories;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MeasureService {

    @ApplicationScoped
    public static class Measures implements PanacheRepository<TaskMeasureEntity> {

        /** Replaces a task's measures; runs in the caller's transaction. */
        public Uni<Void> replace(long taskId, List<TaskMeasureEntity> measures) {
            for (int i = 0; i < measures.size(); i++) {
                measures.get(i).taskId = taskId;
                measures.get(i).ordinal = i + 1;
            }
            return delete("taskId", taskId).chain(() -> measures.isEmpty() ? Uni.createFrom().voidItem() : persist(measures));
        }
    }

    private final AuditTrail audit;
    private final Measures measures;
    private final Repositories.Tasks tasks;
    private final Clock clock;

    MeasureService(Measures measures, Repositories.Tasks tasks, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.measures = measures;
        this.tasks = tasks;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Long> set(String taskId, List<MeasureInput> inputs) {
        List<TaskMeasureEntity> entities = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            MeasureInput input = inputs.get(i);
            entities.add(entity(input.kind(), input.year(), Ids.parseOptional(input.regionId(), "Region"),
                    Ids.parseOptional(input.zoneId(), "Unit"), input.round(), "measures[" + i + "]"));
        }
        long id = Ids.parse(taskId, "Task");
        return audit.stamp().chain(() -> tasks.findById(id).chain(task -> {
            if (task == null || task.deletedAt != null) {
                throw DubanException.notFound("Task", taskId);
            }
            task.touch(clock.instant());
            return measures.replace(task.id, entities).replaceWith(task.id);
        }));
    }

    /** A measure with what its kind needs; VALIDATION on {@code field} otherwise. Shared with the plan importer. */
    public static TaskMeasureEntity entity(MeasureKind kind, Integer year, Long regionId, Long zoneId, Integer round,
            String field) {
        boolean ok = switch (kind) {
            case QUOTA -> year != null && regionId != null;
            case REGIONAL_EVALUATIONS -> zoneId != null && round != null;
            case STANDARD_LAND_SALES -> zoneId != null && year != null;
        };
        if (!ok) {
            throw DubanException.validation(field, kind + " needs " + switch (kind) {
                case QUOTA -> "year and region";
                case REGIONAL_EVALUATIONS -> "zone and round";
                case STANDARD_LAND_SALES -> "zone and year";
            });
        }
        TaskMeasureEntity measure = new TaskMeasureEntity();
        measure.kind = kind;
        measure.year = year;
        measure.regionId = regionId;
        measure.zoneId = zoneId;
        measure.round = round;
        return measure;
    }
}
