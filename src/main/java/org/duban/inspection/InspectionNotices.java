package org.duban.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.CalendarStore;
import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.notify.MessageText;
import org.duban.notify.Notices;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Tells the responsible units of a plan of an inspection ahead, as their reminders reach them: from N working days
 * before its window opens until it closes, each scheduler run sends the notice to the units that have not had it.
 */
@ApplicationScoped
public class InspectionNotices {

    /** Further ahead than any notice period in working days reaches. */
    private static final int LOOK_AHEAD_DAYS = 120;

    private final CalendarStore calendars;
    private final Notices notices;
    private final int noticeWorkingDays;

    InspectionNotices(CalendarStore calendars, Notices notices, InspectionSettings settings) {
        this.calendars = calendars;
        this.notices = notices;
        this.noticeWorkingDays = settings.noticeWorkingDays();
    }

    /** Returns how many notices it wrote. */
    public Uni<Integer> write(Pool pool, Instant now) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        return pool.preparedQuery("select id, starts_on from inspection where ends_on >= $1 and starts_on <= $2")
                .execute(Tuple.of(today, today.plusDays(LOOK_AHEAD_DAYS)))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(List.<Long>of())
                        : calendars.current().map(calendar -> due(rows, calendar, today)))
                .chain(due -> due.isEmpty() ? Uni.createFrom().item(0) : insert(pool, due, now));
    }

    private List<Long> due(Iterable<Row> inspections, WorkingCalendar calendar, LocalDate today) {
        List<Long> due = new ArrayList<>();
        for (Row row : inspections) {
            if (!today.isBefore(noticeFrom(calendar, row.getLocalDate("starts_on")))) {
                due.add(row.getLong("id"));
            }
        }
        return due;
    }

    /** The first day the units of an inspection opening on that day are told of it. */
    LocalDate noticeFrom(WorkingCalendar calendar, LocalDate startsOn) {
        return calendar.minusWorkingDays(startsOn, noticeWorkingDays);
    }

    private Uni<Integer> insert(Pool pool, List<Long> inspections, Instant now) {
        // The plan's units straight from the assignments: task_unit ranks each task's units, which a set of units
        // does not need, at twice the cost on a large plan (and this runs every run of an inspection's notice days).
        return pool.withTransaction(connection -> connection.preparedQuery("select i.id, i.inspecting_body, i.starts_on, i.ends_on,"
                + " p.title, p.document_number, array(select distinct coalesce(a.unit_id, su.unit_id) from task t"
                + " join task_assignment a on a.task_id = t.id left join unit_set_unit su on su.set_id = a.unit_set_id"
                + " where t.plan_id = p.id and t.deleted_at is null and coalesce(a.unit_id, su.unit_id) is not null) as units"
                + " from inspection i join plan p on p.id = i.plan_id where i.id = any($1)")
                .execute(Tuple.of((Object) inspections.toArray(new Long[0])))
                .chain(rows -> {
                    List<Uni<Integer>> sent = new ArrayList<>();
                    for (Row row : rows) {
                        sent.add(notices.send(connection, notice(row), row.getArrayOfLongs("units"), now));
                    }
                    return Uni.join().all(sent).andFailFast();
                })
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }

    private static Notices.Notice notice(Row inspection) {
        return new Notices.Notice(Notices.Source.INSPECTION, inspection.getLong("id"), null,
                MessageText.inspection(inspection.getString("inspecting_body"), inspection.getLocalDate("starts_on"),
                        inspection.getLocalDate("ends_on"), inspection.getString("title"), inspection.getString("document_number")));
    }
}
