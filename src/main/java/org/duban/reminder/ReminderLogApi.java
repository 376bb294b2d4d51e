package org.duban.reminder;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.common.Ids;
import org.duban.common.page.Cursor;
import org.duban.common.page.PageRequest;
import org.duban.common.page.Slice;
import org.duban.common.sql.Batches;
import org.duban.common.sql.SqlParams;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.duban.access.Roles;
import org.duban.unit.Unit;
import org.duban.unit.UnitQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The reminders written so far, for the office: above all the ones that reached nobody. */
@GraphQLApi
@RolesAllowed({ Roles.ADMIN, Roles.LEADER })
public class ReminderLogApi {

    private final Pool pool;
    private final TaskQueries tasks;
    private final UnitQueries units;
    private final RecipientNames names;

    ReminderLogApi(Pool pool, TaskQueries tasks, UnitQueries units, RecipientNames names) {
        this.pool = pool;
        this.tasks = tasks;
        this.units = units;
        this.names = names;
    }

    @Query
    @Description("Reminders written by the scheduler, newest first (ADMIN, LEADER).")
    public Uni<@NonNull ReminderConnection> reminders(ReminderFilter filter, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after);
        SqlParams params = new SqlParams();
        StringBuilder where = new StringBuilder("true");
        if (filter != null) {
            if (filter.from() != null) {
                where.append(" and r.remind_on >= ").append(params.bind(filter.from()));
            }
            if (filter.to() != null) {
                where.append(" and r.remind_on <= ").append(params.bind(filter.to()));
            }
            if (filter.undeliverable() != null) {
                where.append(" and r.undeliverable = ").append(params.bind(filter.undeliverable()));
            }
            if (filter.taskId() != null) {
                where.append(" and r.task_id = ").append(params.bind(Ids.parse(filter.taskId(), "Task")));
            }
        }
        String keyset = "";
        if (page.after() != null) {
            List<String> cursor = Cursor.decode(page.after(), "reminder", 1);
            keyset = " and r.id < " + params.bind(Cursor.id(cursor.get(0)));
        }
        String sql = "with total as (select count(*)::int as total_count from reminder r where " + where + ")"
                + " select total.total_count, page.* from total left join lateral (select " + WrittenReminder.COLUMNS
                + " from reminder r where " + where + keyset + " order by r.id desc limit " + params.bind(page.first() + 1)
                + ") page on true order by page.id desc";
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> ReminderConnection.of(Slice.of(rows, page, WrittenReminder::from,
                        row -> Cursor.encode("reminder", String.valueOf(row.getLong("id"))))));
    }

    @NonNull
    public Uni<List<Task>> task(@Source List<WrittenReminder> reminders) {
        return tasks.byIds(Batches.keys(reminders, WrittenReminder::taskId))
                .map(found -> Batches.single(reminders, WrittenReminder::taskId, found, Task::id));
    }

    public Uni<List<Unit>> unit(@Source List<WrittenReminder> reminders) {
        return units.unitsByIds(Batches.keys(reminders, WrittenReminder::unitId))
                .map(found -> Batches.single(reminders, WrittenReminder::unitId, found, Unit::id));
    }

    @NonNull
    public Uni<List<@NonNull String>> recipient(@Source List<WrittenReminder> reminders) {
        return names.of(reminders.stream().map(WrittenReminder::recipient).toList());
    }
}
