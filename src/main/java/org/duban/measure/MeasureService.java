package org.duban.measure;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.plan.TaskRows;

import io.smallrye.mutiny.Uni;

/** Sets what a task's progress is measured by. */
@ApplicationScoped
public class MeasureService {

    private final AuditTrail audit;
    private final MeasureRows measures;
    private final TaskRows tasks;
    private final Clock clock;

    MeasureService(MeasureRows measures, TaskRows tasks, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.measures = measures;
        this.tasks = tasks;
        this.clock = clock;
    }

    public Uni<Long> set(String taskId, List<MeasureInput> inputs) {
        List<TaskMeasureRow> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            MeasureInput input = inputs.get(i);
            String field = "measures[" + i + "]";
            NumberTarget number = input.target() == null ? null : number(input, field);
            rows.add(measure(input.kind(), input.year(), Ids.parseOptional(input.regionId(), IdKind.REGION),
                    Ids.parseOptional(input.zoneId(), IdKind.UNIT), input.round(), number, field));
        }
        long id = Ids.parse(taskId, IdKind.TASK);
        return audit.withTransaction(sql -> tasks.liveTask(sql, id)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Task", taskId))
                .chain(task -> measures.replace(sql, Map.of(task.id, rows))
                        .chain(() -> tasks.touch(sql, task.id, clock.instant()))
                        .replaceWith(task.id)));
    }

    private static NumberTarget number(MeasureInput input, String field) {
        try {
            return new NumberTarget(blankToNull(input.label()), input.target(), blankToNull(input.unit()),
                    Boolean.TRUE.equals(input.atMost()));
        } catch (DubanException e) {
            throw DubanException.validation(field + "." + e.field(), e.getMessage());
        }
    }

    /** A measure with what its kind needs; VALIDATION on {@code field} otherwise. Shared with the plan importer. */
    public static TaskMeasureRow measure(MeasureKind kind, Integer year, Long regionId, Long zoneId, Integer round,
            NumberTarget number, String field) {
        boolean ok = switch (kind) {
            case QUOTA -> year != null && regionId != null;
            case REGIONAL_EVALUATIONS -> zoneId != null && round != null;
            case STANDARD_LAND_SALES -> zoneId != null && year != null;
            case NUMBER -> number != null;
        };
        if (!ok) {
            throw DubanException.validation(field, kind + " needs " + switch (kind) {
                case QUOTA -> "year and region";
                case REGIONAL_EVALUATIONS -> "zone and round";
                case STANDARD_LAND_SALES -> "zone and year";
                case NUMBER -> "a target and its unit";
            });
        }
        if (kind != MeasureKind.NUMBER && number != null) {
            throw DubanException.validation(field, "only a NUMBER measure has a target");
        }
        TaskMeasureRow measure = new TaskMeasureRow();
        measure.kind = kind;
        measure.year = year;
        measure.regionId = regionId;
        measure.zoneId = zoneId;
        measure.round = round;
        measure.number = number;
        return measure;
    }
}
