package org.duban.supervision;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.milestone.Milestones;
import org.duban.plan.TaskRows;

import io.smallrye.mutiny.Uni;

/** Ticking a milestone that has no measure, as a checklist item is ticked: by the task's units or the office, with evidence. */
@ApplicationScoped
public class MilestoneTicks {

    private final WorkflowStore store;
    private final WorkflowNotices notices;
    private final Milestones milestones;
    private final TaskRows tasks;
    private final AuditTrail audit;
    private final Clock clock;

    MilestoneTicks(WorkflowStore store, WorkflowNotices notices, Milestones milestones, TaskRows tasks, AuditTrail audit, Clock clock) {
        this.store = store;
        this.notices = notices;
        this.milestones = milestones;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** The task's id. */
    public Uni<Long> tick(String milestoneId, boolean done, List<String> evidenceIds, Caller caller) {
        long id = Ids.parse(milestoneId, IdKind.MILESTONE);
        if (done && (evidenceIds == null || evidenceIds.isEmpty())) {
            throw DubanException.validation("evidenceIds", "a milestone is ticked with its evidence");
        }
        return audit.withTransaction(connection -> milestones.lock(connection, id)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Milestone", milestoneId))
                .call(locked -> store.roleOf(connection, locked.taskId(), caller))
                .call(locked -> tasks.task(connection, locked.taskId()).invoke(task -> {
                    if (locked.measured()) {
                        throw DubanException.invalidTransition("A measured milestone is met by its figures, not ticked");
                    }
                    if (!task.status.isOpen()) {
                        throw DubanException.invalidTransition("Milestones are ticked while the task is NOT_STARTED or "
                                + "IN_PROGRESS; it is " + task.status);
                    }
                }))
                .call(locked -> store.evidenceOfTask(connection, locked.taskId(), done ? evidenceIds : List.of(), "evidenceIds")
                        .chain(evidence -> milestones.tick(connection, id, done, evidence, caller.accountId(), clock.instant())))
                .call(locked -> tasks.touch(connection, locked.taskId(), clock.instant()))
                .call(locked -> done ? notices.milestoneReached(connection, id, locked.taskId()) : Uni.createFrom().voidItem())
                .map(Milestones.Locked::taskId));
    }
}
