package org.duban.problem;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.plan.PlanRows;
import org.duban.plan.TaskRows;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProblemService {

    private final AuditTrail audit;
    private final PlanRows plans;
    private final TaskRows tasks;
    private final ProblemRows problems;
    private final InputValidator validator;
    private final Clock clock;

    ProblemService(AuditTrail audit, PlanRows plans, TaskRows tasks, ProblemRows problems, InputValidator validator, Clock clock) {
        this.audit = audit;
        this.plans = plans;
        this.tasks = tasks;
        this.problems = problems;
        this.validator = validator;
        this.clock = clock;
    }

    /** Replaces the plan's problems; the plan's id. */
    public Uni<Long> set(String planId, List<ProblemInput> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            validator.check("problems[" + i + "]", inputs.get(i));
        }
        long id = Ids.parse(planId, IdKind.PLAN);
        return audit.withTransaction(sql -> plans.plan(sql, id)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Plan", planId))
                .chain(plan -> tasks.liveTasksOfPlan(sql, plan.id).chain(live -> {
                    Set<Long> ofPlan = new HashSet<>();
                    live.forEach(task -> ofPlan.add(task.id));
                    List<ProblemRows.Wanted> wanted = check(inputs, "problems", taskId -> {
                        Long parsed = Ids.parseOptional(taskId, IdKind.TASK);
                        return parsed != null && ofPlan.contains(parsed) ? parsed : null;
                    });
                    return problems.replace(sql, plan.id, wanted, clock.instant()).replaceWith(plan.id);
                })));
    }

    /**
     * The problems checked: numbers unique, each with text and at least one task of the plan, which {@code task}
     * resolves (null: no such task). Shared with the plan importer, whose tasks are codes.
     */
    public static List<ProblemRows.Wanted> check(List<ProblemInput> inputs, String path, Function<String, Long> task) {
        Set<String> numbers = new HashSet<>();
        List<ProblemRows.Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ProblemInput input = inputs.get(i);
            String at = path + "[" + i + "]";
            String number = blankToNull(input.number());
            if (number == null || !numbers.add(number.strip())) {
                throw DubanException.validation(at + ".number", number == null ? "is required" : "a second problem " + number);
            }
            String text = blankToNull(input.text());
            if (text == null) {
                throw DubanException.validation(at + ".text", "is required");
            }
            if (input.taskIds() == null || input.taskIds().isEmpty()) {
                throw DubanException.validation(at + ".tasks", "a problem is rectified by at least one task");
            }
            List<Long> taskIds = new ArrayList<>();
            for (String reference : input.taskIds()) {
                Long resolved = reference == null ? null : task.apply(reference);
                if (resolved == null) {
                    throw DubanException.validation(at + ".tasks", "no task " + reference + " in the plan");
                }
                if (!taskIds.contains(resolved)) {
                    taskIds.add(resolved);
                }
            }
            wanted.add(new ProblemRows.Wanted(number.strip(), text.strip(), blankToNull(input.sourceDocument()), taskIds));
        }
        return wanted;
    }
}
