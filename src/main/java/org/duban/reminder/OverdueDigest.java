package org.duban.reminder;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.notify.MessageText;
import org.duban.notify.NotificationKind;
import org.duban.notify.Notices;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The weekly digest of a unit's overdue items (逾期汇总): on the first working day of the week, at the reminders' time
 * of day, a unit with more overdue items than their tasks' policy allows gets one message listing them, in place of
 * the overdue reminders the planner leaves out for it. A run claims the units whose week is not settled
 * ({@code overdue_digest_week}), a chunk at a time, and writes their digests in the same transaction: once per unit and
 * week whatever the runs and instances, and the day's later runs read nothing else.
 */
@ApplicationScoped
public class OverdueDigest {

    /** An overdue item of a unit: a live task, not recurring, still owed after its deadline ({@code $2}, today). */
    static final String ITEMS = "t.deleted_at is null and t.recurrence is null and is_open(t.status) and t.deadline < $2";

    private final Notices notices;
    private final ReminderPlanner planner;

    OverdueDigest(Notices notices, ReminderPlanner planner) {
        this.notices = notices;
        this.planner = planner;
    }

    /** Units settled per transaction: bounds a run's memory and locks whatever the number of units. */
    static final int CHUNK_UNITS = 500;

    /** Settles this week's digests of the units not yet settled, if today is the day; returns the in-app notifications written. */
    public Uni<Integer> write(Pool pool, WorkingCalendar calendar, Instant now) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        if (!today.equals(firstWorkingDay(calendar, monday)) || !planner.timeOfDayHasCome(now)) {
            return Uni.createFrom().item(0);
        }
        return chunks(pool, calendar, today, monday, now, 0L, 0);
    }

    /**
     * Each chunk goes on from the last unit the one before looked at: starting again from the first unit, every chunk
     * stepped over all the units settled before it (100,000 units: 9.7 of a Monday run's 16 s). Units another instance
     * settled meanwhile are passed over, not counted as the end.
     */
    private Uni<Integer> chunks(Pool pool, WorkingCalendar calendar, LocalDate today, LocalDate monday, Instant now,
            long after, int sum) {
        return pool.withTransaction(tx -> tx.preparedQuery("select u.id from unit u where u.id > $2 and not exists (select 1"
                + " from overdue_digest_week w where w.week_of = $1 and w.unit_id = u.id) order by u.id limit $3")
                .execute(Tuple.of(monday, after, CHUNK_UNITS))
                .chain(candidates -> {
                    Long[] looked = new Long[candidates.size()];
                    int i = 0;
                    for (Row row : candidates) {
                        looked[i++] = row.getLong("id");
                    }
                    return tx.preparedQuery("insert into overdue_digest_week (unit_id, week_of) select unnest($1::bigint[]), $2"
                            + " on conflict do nothing returning unit_id").execute(Tuple.of(looked, monday))
                            .chain(claimed -> {
                                Long[] units = new Long[claimed.size()];
                                int j = 0;
                                for (Row row : claimed) {
                                    units[j++] = row.getLong("unit_id");
                                }
                                return digest(tx, units, calendar, today, monday, now);
                            })
                            .map(written -> new long[] { looked.length, looked.length == 0 ? after : looked[looked.length - 1],
                                    written });
                }))
                .chain(chunk -> chunk[0] == CHUNK_UNITS ? chunks(pool, calendar, today, monday, now, chunk[1], sum + (int) chunk[2])
                        : Uni.createFrom().item(sum + (int) chunk[2]));
    }

    private Uni<Integer> digest(SqlConnection tx, Long[] units, WorkingCalendar calendar, LocalDate today, LocalDate monday, Instant now) {
        if (units.length == 0) {
            return Uni.createFrom().item(0);
        }
        return tx.preparedQuery("select tu.unit_id, u.name as unit_name, t.code, t.title, t.deadline, coalesce(t.urge_after_days,"
                + " p.urge_after_days) as urge_after, coalesce(t.overdue_daily_days, p.overdue_daily_days) as daily,"
                + " coalesce(t.overdue_every_days, p.overdue_every_days) as every, coalesce(t.digest_above, p.digest_above) as digest_above"
                + " from task_unit tu join task t on t.id = tu.task_id join plan p on p.id = t.plan_id join unit u on u.id = tu.unit_id"
                + " where tu.unit_id = any($1) and " + ITEMS + " order by tu.unit_id, t.deadline, t.sort_path, t.id")
                .execute(Tuple.of(units, today))
                .chain(rows -> Multi.createFrom().iterable(digests(rows, calendar, today))
                        .onItem().transformToUniAndConcatenate(digest -> notices.tellUnits(tx,
                                new Notices.Event(NotificationKind.OVERDUE_DIGEST, "digest:" + digest.unitId() + ":" + monday, null,
                                        MessageText.overdueDigest(digest.unitName(), digest.items())),
                                new Long[] { digest.unitId() }, now))
                        .collect().asList()
                        .map(written -> written.stream().mapToInt(Integer::intValue).sum()));
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
