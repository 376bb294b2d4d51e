package org.duban.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Reads the working-day calendar for a span of dates in one statement. */
@ApplicationScoped
public class CalendarStore {

    /**
     * The whole calendar: a few dozen rows a year, and an overdue count may reach back years to a deadline.
     */
    public Uni<WorkingCalendar> load(SqlClient sql) {
        return sql.preparedQuery("select null::date as day, null::text as kind, year from calendar_year"
                + " union all select day, kind, null from calendar_day")
                .execute()
                .map(rows -> {
                    Map<LocalDate, DayKind> days = new HashMap<>();
                    Set<Integer> years = new HashSet<>();
                    for (Row row : rows) {
                        if (row.getLocalDate("day") == null) {
                            years.add(row.getInteger("year"));
                        } else {
                            days.put(row.getLocalDate("day"), DayKind.valueOf(row.getString("kind")));
                        }
                    }
                    return new WorkingCalendar(days, years);
                });
    }
}
