package org.duban.notify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The messages about tasks, newest first, with their receipts: two statements for any number of tasks, the messages
 * (reminders and notices, by the tasks' indexes) and then who got and read them.
 */
@ApplicationScoped
public class SentMessageQueries {

    private final Pool pool;

    SentMessageQueries(Pool pool) {
        this.pool = pool;
    }

    /** The newest {@code last} messages about each task. */
    public Uni<List<SentMessage>> ofTasks(Long[] taskIds, int last) {
        return pool.preparedQuery("select m.* from (select x.*, row_number() over (partition by x.task_id order by x.written_at desc,"
                + " x.key desc) as place from (select 'r' || r.id as key, r.task_id, r.kind, r.title, r.body, r.written_at, u.name as unit_name"
                + "   from reminder r left join unit u on u.id = r.unit_id where r.task_id = any($1)"
                + "   union all select 'n' || n.id, n.task_id, n.kind, n.title, n.body, n.created_at, u.name from notice n"
                + "   left join unit u on u.id = n.unit_id where n.task_id = any($1)) x) m where m.place <= $2"
                + " order by m.task_id, m.written_at desc, m.key desc")
                .execute(Tuple.of(taskIds, last))
                .chain(messages -> {
                    List<Row> rows = new ArrayList<>();
                    messages.forEach(rows::add);
                    Long[] reminders = ids(rows, 'r');
                    Long[] notices = ids(rows, 'n');
                    return receipts(reminders, notices).map(receipts -> rows.stream()
                            .map(row -> SentMessage.from(row, receipts.getOrDefault(row.getString("key"), List.of()))).toList());
                });
    }

    private Uni<Map<String, List<SentMessage.Receipt>>> receipts(Long[] reminders, Long[] notices) {
        if (reminders.length == 0 && notices.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        String inApp = "select 'IN_APP' as channel, a.username, null as target, n.created_at as delivered_at, n.read_at,"
                + " null as status, null as last_error, %1$s as key from notification n join account a on a.id = n.account_id"
                + " where n.%2$s = any($%3$s)";
        String sent = "select d.channel, a.username, d.target, d.sent_at, null, d.status, d.last_error, %1$s from delivery d"
                + " left join account a on a.id = d.account_id where d.%2$s = any($%3$s)";
        return pool.preparedQuery(inApp.formatted("'r' || n.reminder_id", "reminder_id", 1)
                + " union all " + inApp.formatted("'n' || n.notice_id", "notice_id", 2)
                + " union all " + sent.formatted("'r' || d.reminder_id", "reminder_id", 1)
                + " union all " + sent.formatted("'n' || d.notice_id", "notice_id", 2)
                + " order by key, channel, username, target")
                .execute(Tuple.of(reminders, notices))
                .map(rows -> {
                    Map<String, List<SentMessage.Receipt>> byMessage = new HashMap<>();
                    rows.forEach(row -> byMessage.computeIfAbsent(row.getString("key"), k -> new ArrayList<>())
                            .add(SentMessage.Receipt.from(row)));
                    return byMessage;
                });
    }

    private static Long[] ids(List<Row> rows, char source) {
        return rows.stream().map(row -> row.getString("key")).filter(key -> key.charAt(0) == source)
                .map(key -> Long.parseLong(key.substring(1))).toArray(Long[]::new);
    }
}
