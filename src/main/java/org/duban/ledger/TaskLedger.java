package org.duban.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.ChinaTime;
import org.duban.common.WorkerThreads;
import org.duban.common.page.Chunks;
import org.duban.common.page.PageRequest;
import org.duban.milestone.Milestone;
import org.duban.milestone.MilestoneQueries;
import org.duban.paper.SheetWriter;
import org.duban.people.TaskPeopleQueries;
import org.duban.people.TaskPerson;
import org.duban.plan.Plan;
import org.duban.plan.PlanQueries;
import org.duban.plan.Task;
import org.duban.plan.TaskAssignment;
import org.duban.plan.TaskConnection;
import org.duban.plan.TaskFilter;
import org.duban.plan.TaskQueries;
import org.duban.supervision.ProgressFacts;
import org.duban.supervision.ProgressReport;
import org.duban.supervision.SupervisionQueries;
import org.duban.supervision.SupervisionQueries.ClosingDays;

import io.smallrye.mutiny.Uni;

/**
 * The task ledger (任务台账) as an XLSX file: the task list's tasks for its filters and the caller's sight, in its
 * order, a chunk of {@value #CHUNK} at a time: each chunk's tasks are read through the list's index, their units,
 * people, milestones, facts, latest reports and closing days in one statement each, and written on a worker thread
 * before the next chunk is read. Memory holds one chunk and the sheet's window of rows, whatever the ledger's size.
 */
@ApplicationScoped
class TaskLedger {

    static final int CHUNK = 500;

    private final TaskQueries tasks;
    private final PlanQueries plans;
    private final TaskPeopleQueries people;
    private final MilestoneQueries milestones;
    private final ProgressFacts facts;
    private final SupervisionQueries supervision;
    private final Clock clock;

    TaskLedger(TaskQueries tasks, PlanQueries plans, TaskPeopleQueries people, MilestoneQueries milestones,
            ProgressFacts facts, SupervisionQueries supervision, Clock clock) {
        this.tasks = tasks;
        this.plans = plans;
        this.people = people;
        this.milestones = milestones;
        this.facts = facts;
        this.supervision = supervision;
        this.clock = clock;
    }

    /** The ledger in a temporary file, which the caller sends and deletes. */
    Uni<Path> export(TaskFilter filter, Caller caller) {
        LocalDate today = ChinaTime.today(clock);
        TaskLedgerRows rows = new TaskLedgerRows(filter, today);
        SheetWriter sheet = new SheetWriter("任务台账", "任务台账（截至" + ChinaTime.dateWords(today) + "）", TaskLedgerRows.COLUMNS);
        return Chunks.walk(after -> chunk(filter, after, caller, sheet, rows))
                .chain(() -> WorkerThreads.run(() -> sheet.finish("duban-tasks-")))
                .onTermination().invoke(sheet::close);
    }

    /** Reads and writes the chunk after {@code after}; answers where the next one starts, or {@link Chunks#END}. */
    private Uni<String> chunk(TaskFilter filter, String after, Caller caller, SheetWriter sheet, TaskLedgerRows rows) {
        return tasks.page(filter, new PageRequest(CHUNK, after, false), caller).chain(page -> {
            List<Task> found = page.edges().stream().map(TaskConnection.TaskEdge::node).toList();
            String next = page.pageInfo().hasNextPage() ? page.pageInfo().endCursor() : Chunks.END;
            if (found.isEmpty()) {
                return Uni.createFrom().item(Chunks.END);
            }
            return relations(found).chain(chunk -> WorkerThreads.run(() -> {
                rows.write(sheet, chunk);
                return next;
            }));
        });
    }

    /** What the ledger shows of these tasks, read in one statement per relation. */
    private Uni<TaskLedgerRows.Chunk> relations(List<Task> found) {
        Long[] ids = found.stream().map(Task::id).toArray(Long[]::new);
        Long[] planIds = found.stream().map(Task::planId).distinct().toArray(Long[]::new);
        return Uni.combine().all()
                .unis(plans.byIds(planIds), tasks.assignmentsOf(ids), people.ofTasks(ids), milestones.ofTasks(found),
                        facts.byId(ids), supervision.latestOfTasks(ids), supervision.closingDaysOfTasks(ids))
                .with((planList, units, named, marks, factsById, latest, closing) -> {
                    Map<Long, Plan> planById = new HashMap<>();
                    planList.forEach(plan -> planById.put(plan.id(), plan));
                    Map<Long, List<TaskAssignment>> unitsByTask = new HashMap<>();
                    units.forEach(a -> unitsByTask.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(a));
                    Map<Long, List<TaskPerson>> peopleByTask = new HashMap<>();
                    named.forEach(p -> peopleByTask.computeIfAbsent(p.taskId(), k -> new ArrayList<>()).add(p));
                    Map<Long, List<Milestone>> milestonesByTask = new HashMap<>();
                    for (int i = 0; i < found.size(); i++) {
                        milestonesByTask.put(found.get(i).id(), marks.get(i));
                    }
                    Map<Long, ProgressReport> latestByTask = new HashMap<>();
                    latest.forEach(report -> latestByTask.put(report.taskId(), report));
                    Map<String, ClosingDays> closingByOccurrence = new HashMap<>();
                    closing.forEach(days -> closingByOccurrence.put(days.taskId() + "@" + days.occurrenceDue(), days));
                    return new TaskLedgerRows.Chunk(found, planById, unitsByTask, peopleByTask, milestonesByTask, factsById,
                            latestByTask, closingByOccurrence);
                });
    }
}
