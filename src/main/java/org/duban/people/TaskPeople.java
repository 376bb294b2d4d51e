package org.duban.people;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.access.Roles;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.plan.TaskRows;
import org.duban.plan.TaskVisibility;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code task_person}: a responsible unit names its people for its part of a task, replacing those it
 * named before. Its own accounts do it for their unit, the office (ADMIN) for any.
 */
@ApplicationScoped
public class TaskPeople {

    private final AuditTrail audit;
    private final TaskRows tasks;
    private final InputValidator validator;
    private final Clock clock;

    TaskPeople(AuditTrail audit, TaskRows tasks, InputValidator validator, Clock clock) {
        this.audit = audit;
        this.tasks = tasks;
        this.validator = validator;
        this.clock = clock;
    }

    /** Returns the task id. */
    public Uni<Long> set(String taskId, String unitId, List<TaskPersonInput> people, Caller caller) {
        long task = Ids.parse(taskId, IdKind.TASK);
        long unit = Ids.parse(unitId, IdKind.UNIT);
        boolean office = caller.is(Roles.ADMIN);
        Long viewer = office ? null : caller.unitId() == null ? Long.valueOf(-1) : caller.unitId();
        Set<PersonRole> roles = EnumSet.noneOf(PersonRole.class);
        int n = people.size();
        String[] role = new String[n];
        String[] name = new String[n];
        String[] title = new String[n];
        Long[] account = new Long[n];
        String[] mobile = new String[n];
        for (int i = 0; i < n; i++) {
            TaskPersonInput person = people.get(i);
            validator.check("people[" + i + "]", person);
            if (!roles.add(person.role())) {
                throw DubanException.validation("people[" + i + "].role", person.role() + " is named twice");
            }
            role[i] = person.role().name();
            name[i] = person.name().strip();
            title[i] = person.title() == null || person.title().isBlank() ? null : person.title().strip();
            account[i] = Ids.parseOptional(person.accountId(), IdKind.ACCOUNT);
            mobile[i] = person.mobile() == null || person.mobile().isBlank() ? null : person.mobile().strip();
        }
        Long[] named = Arrays.stream(account).filter(Objects::nonNull).distinct().toArray(Long[]::new);
        // A task out of the caller's sight does not exist for it; in sight, a unit names its own people only.
        return audit.withTransaction(connection -> connection.preparedQuery("select exists (" + TaskVisibility.unitRoleSql("$1", "$2")
                + ") as responsible, ($3::bigint is null or exists (" + TaskVisibility.unitRoleSql("$1", "$3") + ")) as seen"
                + " from task t where t.id = $1 and t.deleted_at is null and " + TaskVisibility.writable("t") + " for update of t")
                .execute(Tuple.of(task, unit, viewer))
                .invoke(rows -> {
                    if (rows.size() == 0 || !rows.iterator().next().getBoolean("seen")) {
                        throw DubanException.notFound("Task", taskId);
                    }
                    if (!office && unit != viewer) {
                        throw new DubanException(ErrorCode.FORBIDDEN, "A unit names its own people; the office names anyone's", "unitId");
                    }
                    if (!rows.iterator().next().getBoolean("responsible")) {
                        throw DubanException.validation("unitId", "that unit is not responsible for this task");
                    }
                })
                .chain(() -> connection.preparedQuery("select count(*)::int as found from account where id = any($1) and enabled")
                        .execute(Tuple.of((Object) named)))
                .invoke(rows -> {
                    if (rows.iterator().next().getInteger("found") != named.length) {
                        throw DubanException.validation("people", "names an account that does not exist or is disabled");
                    }
                })
                .chain(() -> connection.preparedQuery("delete from task_person where task_id = $1 and unit_id = $2")
                        .execute(Tuple.of(task, unit)))
                .chain(() -> connection.preparedQuery("insert into task_person (task_id, unit_id, role, name, title, account_id, mobile,"
                        + " updated_at) select $1, $2, x.role, x.name, x.title, x.account_id, x.mobile, $8 from unnest($3::text[],"
                        + " $4::text[], $5::text[], $6::bigint[], $7::text[]) as x(role, name, title, account_id, mobile)")
                        .execute(Tuple.from(new Object[] { task, unit, role, name, title, account, mobile,
                                clock.instant().atOffset(ZoneOffset.UTC) })))
                .chain(() -> tasks.touch(connection, task, clock.instant()))
                .replaceWith(task));
    }
}
