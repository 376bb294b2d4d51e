package org.duban.reminder;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.page.KeysetPage;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.SqlParams;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Reads of the reminders the scheduler wrote. */
@ApplicationScoped
public class ReminderQueries {

    private static final KeysetPage NEWEST_FIRST = KeysetPage.descending("reminder", new KeysetPage.Key("r.id", "id", KeysetPage.LONG));

    private final Pool pool;

    ReminderQueries(Pool pool) {
        this.pool = pool;
    }

    /** A page of the reminders of the tasks of the regions given. */
    public Uni<ReminderConnection> page(ReminderFilter filter, PageRequest page, Long[] regions) {
        SqlParams params = new SqlParams();
        StringBuilder where = new StringBuilder("r.task_id in (select t.id from task t join plan p on p.id = t.plan_id"
                + " where p.region_id = any (" + params.bind(regions) + "))");
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
                where.append(" and r.task_id = ").append(params.bind(Ids.parse(filter.taskId(), IdKind.TASK)));
            }
        }
        String sql = NEWEST_FIRST.sql(WrittenReminder.COLUMNS, " from reminder r", where.toString(), page, params);
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> ReminderConnection.of(NEWEST_FIRST.slice(rows, page, WrittenReminder::from)));
    }
}
