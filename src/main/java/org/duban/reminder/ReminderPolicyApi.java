package org.duban.reminder;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Roles;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.sql.Batches;
import org.duban.plan.Plan;
import org.duban.plan.PlanRows;
import org.duban.plan.Task;
import org.duban.plan.TaskRows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Reminder policies: the defaults, a plan's, and a task's override. */
@GraphQLApi
@Authenticated
public class ReminderPolicyApi {

    private final ReminderPolicies policies;
    private final PlanRows planRows;
    private final TaskRows taskRows;
    private final AuditTrail audit;
    private final InputValidator validator;
    private final Clock clock;

    ReminderPolicyApi(ReminderPolicies policies, PlanRows planRows, TaskRows taskRows, AuditTrail audit, InputValidator validator, Clock clock) {
        this.policies = policies;
        this.planRows = planRows;
        this.taskRows = taskRows;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @NonNull
    @Description("When this plan's tasks are reminded, unless a task says otherwise")
    public Uni<List<ReminderPolicy>> reminderPolicy(@Source List<Plan> plans) {
        return policies.ofPlans(Batches.keys(plans, Plan::id))
                .map(found -> Batches.single(plans, Plan::id, found, ReminderPolicies.Keyed::id).stream()
                        .map(k -> k == null ? null : k.policy()).toList());
    }

    @NonNull
    @Description("When this task's units are reminded: its own policy, else its plan's, else the defaults")
    @Name("reminderPolicy")
    public Uni<List<ReminderPolicy>> taskReminderPolicy(@Source List<Task> tasks) {
        return policies.ofTasks(Batches.keys(tasks, Task::id))
                .map(found -> Batches.single(tasks, Task::id, found, ReminderPolicies.Keyed::id).stream()
                        .map(k -> k == null ? null : k.policy()).toList());
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Sets the plan's reminder policy; without a policy, the defaults apply again.")
    @Name("setPlanReminderPolicy")
    public Uni<@NonNull ReminderPolicy> setPlanReminderPolicy(@NonNull @Id String planId, ReminderPolicyInput policy) {
        long id = Ids.parse(planId, IdKind.PLAN);
        Integer[] days = days(policy);
        return audit.withTransaction(connection -> planRows.setReminderPolicy(connection, id, days,
                        policy == null ? null : policy.escalateAfterDays(), cadence(policy), clock.instant()))
                .chain(found -> one(found, policies.ofPlans(new Long[] { id }), "Plan", planId));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Sets the task's own reminder policy; without a policy, the task follows its plan's again.")
    @Name("setTaskReminderPolicy")
    public Uni<@NonNull ReminderPolicy> setTaskReminderPolicy(@NonNull @Id String taskId, ReminderPolicyInput policy) {
        long id = Ids.parse(taskId, IdKind.TASK);
        Integer[] days = days(policy);
        return audit.withTransaction(connection -> taskRows.setReminderPolicy(connection, id, days,
                        policy == null ? null : policy.escalateAfterDays(), cadence(policy), clock.instant()))
                .chain(found -> one(found, policies.ofTasks(new Long[] { id }), "Task", taskId));
    }

    private Integer[] days(ReminderPolicyInput policy) {
        if (policy == null) {
            return null;
        }
        validator.check("policy", policy);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < policy.daysBefore().size(); i++) {
            int n = policy.daysBefore().get(i);
            if (n < 1 || n > ReminderPolicy.MAX_DAYS_BEFORE) {
                throw DubanException.validation("policy.daysBefore[" + i + "]", "must be between 1 and "
                        + ReminderPolicy.MAX_DAYS_BEFORE + ", was " + n);
            }
            if (!seen.add(n)) {
                throw DubanException.validation("policy.daysBefore[" + i + "]", n + " is given twice");
            }
        }
        return policy.daysBefore().stream().sorted((a, b) -> b - a).toArray(Integer[]::new);
    }

    /** The overdue cadence as the plan or task stores it: urge after, daily, every, digest above; null where not said. */
    private static Integer[] cadence(ReminderPolicyInput policy) {
        return policy == null ? new Integer[4]
                : new Integer[] { policy.urgeAfterDays(), policy.overdueDailyDays(), policy.overdueEveryDays(), policy.digestAbove() };
    }

    private static Uni<ReminderPolicy> one(boolean found, Uni<List<ReminderPolicies.Keyed>> policy, String what, String id) {
        if (!found) {
            throw DubanException.notFound(what, id);
        }
        return policy.map(read -> read.get(0).policy());
    }
}
