package org.duban.reminder;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.sql.Batches;
import org.duban.plan.Plan;
import org.duban.plan.Task;
import org.duban.access.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reminder policies: the defaults, a plan's, and a task's override. */
@GraphQLApi
@Authenticated
public class ReminderPolicyApi {

    private final Pool pool;
    private final AuditTrail audit;
    private final ReminderSettings settings;
    private final InputValidator validator;
    private final Clock clock;

    ReminderPolicyApi(Pool pool, AuditTrail audit, ReminderSettings settings, InputValidator validator, Clock clock) {
        this.pool = pool;
        this.audit = audit;
        this.settings = settings;
        this.validator = validator;
        this.clock = clock;
    }

    @NonNull
    @Description("When this plan's tasks are reminded, unless a task says otherwise")
    public Uni<List<ReminderPolicy>> reminderPolicy(@Source List<Plan> plans) {
        return pool.preparedQuery("select id, null::int[] as task_days, null::int as task_escalate,"
                + " reminder_days_before as plan_days, escalate_after_days as plan_escalate from plan where id = any($1)")
                .execute(Tuple.of((Object) Batches.keys(plans, Plan::id)))
                .map(rows -> policies(plans, Plan::id, rows));
    }

    @NonNull
    @Description("When this task's units are reminded: its own policy, else its plan's, else the defaults")
    @Name("reminderPolicy")
    public Uni<List<ReminderPolicy>> taskReminderPolicy(@Source List<Task> tasks) {
        return pool.preparedQuery("select t.id, t.reminder_days_before as task_days, t.escalate_after_days as task_escalate,"
                + " p.reminder_days_before as plan_days, p.escalate_after_days as plan_escalate"
                + " from task t join plan p on p.id = t.plan_id where t.id = any($1)")
                .execute(Tuple.of((Object) Batches.keys(tasks, Task::id)))
                .map(rows -> policies(tasks, Task::id, rows));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Sets the plan's reminder policy; without a policy, the defaults apply again.")
    @Name("setPlanReminderPolicy")
    public Uni<@NonNull ReminderPolicy> setPlanReminderPolicy(@NonNull @Id String planId, ReminderPolicyInput policy) {
        long id = Ids.parse(planId, "Plan");
        Integer[] days = days(policy);
        return audit.withTransaction(connection -> connection.preparedQuery("update plan set reminder_days_before = $2, escalate_after_days = $3, updated_at = $4,"
                + " version = version + 1 where id = $1 returning id, null::int[] as task_days, null::int as task_escalate,"
                + " reminder_days_before as plan_days, escalate_after_days as plan_escalate")
                .execute(Tuple.of(id, days, policy == null ? null : policy.escalateAfterDays(), now())))
                .map(rows -> one(rows, "Plan", planId));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Sets the task's own reminder policy; without a policy, the task follows its plan's again.")
    @Name("setTaskReminderPolicy")
    public Uni<@NonNull ReminderPolicy> setTaskReminderPolicy(@NonNull @Id String taskId, ReminderPolicyInput policy) {
        long id = Ids.parse(taskId, "Task");
        Integer[] days = days(policy);
        return audit.withTransaction(connection -> connection.preparedQuery("update task t set reminder_days_before = $2, escalate_after_days = $3, updated_at = $4,"
                + " version = t.version + 1 from plan p where t.id = $1 and t.deleted_at is null and p.id = t.plan_id"
                + " returning t.id, t.reminder_days_before as task_days, t.escalate_after_days as task_escalate,"
                + " p.reminder_days_before as plan_days, p.escalate_after_days as plan_escalate")
                .execute(Tuple.of(id, days, policy == null ? null : policy.escalateAfterDays(), now())))
                .map(rows -> one(rows, "Task", taskId));
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

    private ReminderPolicy one(RowSet<Row> rows, String what, String id) {
        if (rows.size() == 0) {
            throw DubanException.notFound(what, id);
        }
        return policy(rows.iterator().next());
    }

    private <P> List<ReminderPolicy> policies(List<P> parents, Function<P, Long> key, Iterable<Row> rows) {
        record Keyed(long id, ReminderPolicy policy) {
        }
        List<Keyed> found = new ArrayList<>();
        rows.forEach(row -> found.add(new Keyed(row.getLong("id"), policy(row))));
        return Batches.single(parents, key, found, Keyed::id).stream().map(k -> k == null ? null : k.policy()).toList();
    }

    private ReminderPolicy policy(Row row) {
        Integer[] task = row.getArrayOfIntegers("task_days");
        Integer[] plan = row.getArrayOfIntegers("plan_days");
        if (task != null) {
            return new ReminderPolicy(Arrays.asList(task), row.getInteger("task_escalate"), "TASK");
        }
        if (plan != null) {
            return new ReminderPolicy(Arrays.asList(plan), row.getInteger("plan_escalate"), "PLAN");
        }
        return new ReminderPolicy(settings.daysBefore(), settings.escalateAfterDays(), "DEFAULT");
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
