package org.duban.reminder;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.common.WorkerThreads;
import org.duban.common.sql.Rows;
import org.duban.notify.MessageText;
import org.duban.notify.NotificationKind;
import org.duban.notify.Notices;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The weekly digest of a unit's overdue items (逾期汇总): on the first working day of the week, at the reminders' time
 * of day, a unit with more overdue items than their tasks' policy allows gets one message listing them, in place of
 * the overdue reminders the planner leaves out for it. A run reads which units have overdue items, claims them a chunk
 * at a time ({@code overdue_digest_week}) and writes their digests in the same transaction, then marks the week's pass
 * done ({@code overdue_digest_pass}): once per unit and week whatever the runs and instances, and the day's later runs
 * read that one row. A run that stops half-way leaves the pass to the next, which passes over the units claimed.
 */
@ApplicationScoped
public class OverdueDigest {

    /** An overdue item of a unit: a live task {@code t}, not recurring, still owed after its deadline ({@code today}, a parameter). */
    static String items(String today) {
        return "t.deleted_at is null and t.recurrence is null and is_open(t.status) and t.deadline < " + today;
    }

    private final Notices notices;
    private final ReminderPlanner planner;

    OverdueDigest(Notices notices, ReminderPlanner planner) {
        this.notices = notices;
        this.planner = planner;
    }

    /** Units settled per transaction: bounds a run's locks and the rows a chunk reads whatever the number of units. */
    static final int CHUNK_UNITS = 500;

    /** Settles this week's digests, if today is the day and the week's pass is not done; returns the in-app notifications written. */
    public Uni<Integer> write(Pool pool, WorkingCalendar calendar, Instant now) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        if (!today.equals(firstWorkingDay(calendar, monday)) || !planner.timeOfDayHasCome(now)) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("select 1 from overdue_digest_pass where week_of = $1").execute(Tuple.of(monday))
                .chain(done -> done.size() > 0 ? Uni.createFrom().item(0)
                        : unitsWithOverdueItems(pool, today)
                                .chain(units -> chunks(pool, units, 0, calendar, today, monday, now, 0))
                                .call(() -> pool.preparedQuery("insert into overdue_digest_pass (week_of, settled_at) values ($1, $2)"
                                        + " on conflict do nothing").execute(Tuple.of(monday, now.atOffset(ZoneOffset.UTC)))));
    }

    /**
     * Starting from the overdue items ({@code task_open_by_deadline}) rather than from the units: most units of a large
     * database have none, and reading each unit's tasks to learn it took most of a Monday's run (V29).
     */
    private static Uni<Long[]> unitsWithOverdueItems(Pool pool, LocalDate today) {
        return pool.preparedQuery("select distinct tu.unit_id from task t join task_unit tu on tu.task_id = t.id where " + items("$1")
                + " order by tu.unit_id")
                .execute(Tuple.of(today))
                .map(rows -> Rows.map(rows, row -> row.getLong(0)).toArray(Long[]::new));
    }

    private Uni<Integer> chunks(Pool pool, Long[] units, int from, WorkingCalendar calendar, LocalDate today, LocalDate monday,
            Instant now, int sum) {
        if (from >= units.length) {
            return Uni.createFrom().item(sum);
        }
        Long[] chunk = Arrays.copyOfRange(units, from, Math.min(units.length, from + CHUNK_UNITS));
        return pool.withTransaction(tx -> tx.preparedQuery("insert into overdue_digest_week (unit_id, week_of)"
                + " select unnest($1::bigint[]), $2 on conflict do nothing returning unit_id")
                .execute(Tuple.of(chunk, monday))
                .chain(claimed -> digest(tx, Rows.map(claimed, row -> row.getLong("unit_id")).toArray(Long[]::new), calendar,
                        today, monday, now)))
                .chain(written -> chunks(pool, units, from + CHUNK_UNITS, calendar, today, monday, now, sum + written));
    }

    private Uni<Integer> digest(SqlConnection tx, Long[] units, WorkingCalendar calendar, LocalDate today, LocalDate monday, Instant now) {
        if (units.length == 0) {
            return Uni.createFrom().item(0);
        }
        return tx.preparedQuery("select tu.unit_id, u.name as unit_name, t.code, t.title, t.deadline, coalesce(t.urge_after_days,"
                + " p.urge_after_days) as urge_after, coalesce(t.overdue_daily_days, p.overdue_daily_days) as daily,"
                + " coalesce(t.overdue_every_days, p.overdue_every_days) as every, coalesce(t.digest_above, p.digest_above) as digest_above"
                + " from unnest($1::bigint[]) as claimed(unit_id) join task_unit tu on tu.unit_id = claimed.unit_id"
                + " join task t on t.id = tu.task_id join plan p on p.id = t.plan_id join unit u on u.id = tu.unit_id"
                + " where " + items("$2") + " order by tu.unit_id, t.deadline, t.sort_path, t.id")
                .execute(Tuple.of(units, today))
                .chain(rows -> WorkerThreads.run(() -> digests(rows, calendar, today).stream()
                        .map(digest -> new Notices.Addressed(digest.unitId(), new Notices.Event(NotificationKind.OVERDUE_DIGEST,
                                "digest:" + digest.unitId() + ":" + monday, null, MessageText.overdueDigest(digest.unitName(), digest.items()))))
                        .toList()))
                .chain(told -> notices.tellEach(tx, told, now));
    }

    private record Digest(long unitId, String unitName, List<MessageText.DigestItem> items) {
    }

    /** Per unit, the items whose task's policy folds them into a digest at the unit's count of overdue items. */
    private List<Digest> digests(Iterable<Row> rows, WorkingCalendar calendar, LocalDate today) {
        Map<Long, List<Row>> byUnit = new LinkedHashMap<>();
        rows.forEach(row -> byUnit.computeIfAbsent(row.getLong("unit_id"), k -> new ArrayList<>()).add(row));
        List<Digest> digests = new ArrayList<>();
        byUnit.forEach((unit, items) -> {
            List<MessageText.DigestItem> folded = new ArrayList<>();
            for (Row row : items) {
                if (items.size() > planner.cadence(row).digestAbove()) {
                    LocalDate due = row.getLocalDate("deadline");
                    folded.add(new MessageText.DigestItem(row.getString("code"), row.getString("title"), due,
                            calendar.workingDaysBetween(due, today)));
                }
            }
            if (!folded.isEmpty()) {
                digests.add(new Digest(unit, items.get(0).getString("unit_name"), folded));
            }
        });
        return digests;
    }

    private static LocalDate firstWorkingDay(WorkingCalendar calendar, LocalDate monday) {
        for (LocalDate day = monday; day.isBefore(monday.plusDays(7)); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                return day;
            }
        }
        return null;
    }
}
