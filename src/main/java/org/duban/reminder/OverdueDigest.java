package org.duban.reminder;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The weekly digest of a unit's overdue items (逾期汇总): on the first working day of the week, at the reminders' time
 * of day, a unit with more overdue items than their tasks' policy allows gets one message listing them, in place of
 * the overdue reminders the planner leaves out for it. Each unit's digest of a week has its event key: once per unit
 * and week whatever the runs and instances, and a run that day reads only the units still without one.
 */
@ApplicationScoped
public class OverdueDigest {

    /** An overdue item of a unit: a live task, not recurring, still owed after its deadline ({@code $2}, today). */
    static final String ITEMS = "t.deleted_at is null and t.recurrence is null and is_open(t.status) and t.deadline < $2";

    private final Notices notices;
    private final ReminderPlanner planner;
    private final LocalTime timeOfDay;

    OverdueDigest(Notices notices, ReminderPlanner planner, ReminderSettings settings) {
        this.notices = notices;
        this.planner = planner;
        this.timeOfDay = LocalTime.parse(settings.timeOfDay());
    }

    /** Writes this week's digests of the units still without one, if today is the day; returns the in-app notifications written. */
    public Uni<Integer> write(Pool pool, WorkingCalendar calendar, Instant now) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        if (!today.equals(firstWorkingDay(calendar, monday)) || today.atTime(timeOfDay).atZone(ChinaTime.ZONE).toInstant().isAfter(now)) {
            return Uni.createFrom().item(0);
        }
        String week = ":" + monday;
        return pool.withTransaction(tx -> tx.preparedQuery("select tu.unit_id, u.name as unit_name, t.code, t.title, t.deadline, coalesce(t.urge_after_days,"
                                + " p.urge_after_days) as urge_after, coalesce(t.overdue_daily_days, p.overdue_daily_days) as daily,"
                                + " coalesce(t.overdue_every_days, p.overdue_every_days) as every,"
                                + " coalesce(t.digest_above, p.digest_above) as digest_above"
                                + " from task_unit tu join task t on t.id = tu.task_id join plan p on p.id = t.plan_id"
                                + " join unit u on u.id = tu.unit_id where " + ITEMS.replace("$2", "$1")
                                + " and not exists (select 1 from notice n where n.event = 'digest:' || tu.unit_id || $2)"
                                + " order by tu.unit_id, t.deadline, t.sort_path, t.id")
                                .execute(Tuple.of(today, week))
                                .chain(rows -> Multi.createFrom().iterable(digests(rows, calendar, today))
                                        .onItem().transformToUniAndConcatenate(digest -> notices.tellUnits(tx,
                                                new Notices.Event(NotificationKind.OVERDUE_DIGEST, "digest:" + digest.unitId() + week,
                                                        null, MessageText.overdueDigest(digest.unitName(), digest.items())),
                                                new Long[] { digest.unitId() }, now))
                                        .collect().asList()
                                        .map(written -> written.stream().mapToInt(Integer::intValue).sum())));
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
