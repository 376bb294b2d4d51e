package org.duban.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.ChinaTime;
import org.duban.notify.NotificationFeed;
import org.duban.reminder.calendar.CalendarStore;
import org.duban.reminder.calendar.WorkingCalendar;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Tells the responsible units of a plan, in their inbox, of an inspection ahead: from N working days before its
 * window opens until it closes, each scheduler run writes the notices not written yet, once per account.
 */
@ApplicationScoped
public class InspectionNotices {

    /** Further ahead than any notice period in working days reaches. */
    private static final int LOOK_AHEAD_DAYS = 120;

    private final CalendarStore calendars;
    private final int noticeWorkingDays;

    InspectionNotices(CalendarStore calendars, InspectionSettings settings) {
        this.calendars = calendars;
        this.noticeWorkingDays = settings.noticeWorkingDays();
    }

    /** Returns how many notices it wrote. */
    public Uni<Integer> write(Pool pool, Instant now) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        return pool.preparedQuery("select id, starts_on from inspection where ends_on >= $1 and starts_on <= $2")
                .execute(Tuple.of(today, today.plusDays(LOOK_AHEAD_DAYS)))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(List.<Long>of())
                        : calendars.load(pool).map(calendar -> due(rows, calendar, today)))
                .chain(due -> due.isEmpty() ? Uni.createFrom().item(0) : insert(pool, due, now));
    }

    private List<Long> due(Iterable<Row> inspections, WorkingCalendar calendar, LocalDate today) {
        List<Long> due = new ArrayList<>();
        for (Row row : inspections) {
            if (!today.isBefore(calendar.minusWorkingDays(row.getLocalDate("starts_on"), noticeWorkingDays))) {
                due.add(row.getLong("id"));
            }
        }
        return due;
    }

    private static Uni<Integer> insert(Pool pool, List<Long> inspections, Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery("insert into notification (account_id, inspection_id, kind,"
                + " title, body, created_at) select distinct a.id, i.id, 'INSPECTION', '督导检查：' || i.inspecting_body || ' '"
                + " || i.starts_on || '至' || i.ends_on, '《' || p.title || '》（' || p.document_number || '）的整改落实情况将接受'"
                + " || i.inspecting_body || '检查，请提前做好准备。', $2::timestamptz from inspection i join plan p on p.id = i.plan_id"
                + " join task t on t.plan_id = p.id and t.deleted_at is null join task_unit tu on tu.task_id = t.id"
                + " join account a on a.unit_id = tu.unit_id and a.enabled where i.id = any($1)"
                + " on conflict (account_id, inspection_id) where inspection_id is not null do nothing returning id, account_id")
                .execute(Tuple.of(inspections.toArray(new Long[0]), now.atOffset(ZoneOffset.UTC)))
                .call(rows -> NotificationFeed.announceAfterCommit(connection, rows))
                .map(rows -> rows.rowCount()));
    }
}
