package org.duban.milestone;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.measure.MeasureRows;
import org.duban.plan.TaskRows;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MilestoneService {

    private final AuditTrail audit;
    private final TaskRows tasks;
    private final MeasureRows measures;
    private final Milestones milestones;
    private final Clock clock;

    MilestoneService(AuditTrail audit, TaskRows tasks, MeasureRows measures, Milestones milestones, Clock clock) {
        this.audit = audit;
        this.tasks = tasks;
        this.measures = measures;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** Replaces a task's milestones; the task's id. */
    public Uni<Long> set(String taskId, List<MilestoneInput> inputs) {
        long id = Ids.parse(taskId, IdKind.TASK);
        return audit.withTransaction(sql -> tasks.liveTask(sql, id)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Task", taskId))
                .chain(task -> measures.kindsOf(sql, task.id)
                        .chain(measured -> {
                            List<Milestones.Wanted> wanted = Milestones.check(inputs, "milestones", task.recurrence != null,
                                    measured);
                            return milestones.replace(sql, Map.of(task.id, wanted), clock.instant());
                        })
                        .chain(() -> tasks.touch(sql, task.id, clock.instant()))
                        .replaceWith(task.id)));
    }
}
