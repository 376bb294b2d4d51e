package org.duban.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.sql.Listening;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The working-day calendar: read whole for the reminder rules, a year at a time for the office. The one writer of
 * {@code calendar_year} and {@code calendar_day}.
 *
 * <p>Requests take the calendar from memory ({@link #current}): it changes a few times a year and every list of
 * tasks counts working days. A change is announced with pg_notify in its transaction; every instance listens and
 * reads the calendar again on the next request. While an instance is not listening (starting, or its LISTEN
 * connection lost) it keeps nothing in memory, since it could miss an announcement.
 */
@ApplicationScoped
public class CalendarStore {

    static final String CHANNEL = "duban_calendar";

    private final Pool pool;
    private final AuditTrail audit;
    private final Listening listening;
    /** Raised by every announced change and every (re)connect: a calendar read before it is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listeningNow;
    private volatile Cached cached;

    private record Cached(long generation, WorkingCalendar calendar) {
    }

    CalendarStore(Pool pool, AuditTrail audit, Listening listening) {
        this.pool = pool;
        this.audit = audit;
        this.listening = listening;
    }

    void start(@Observes StartupEvent event) {
        listening.channel(CHANNEL).handler(payload -> changed()).subscribeHandler(() -> {
            listeningNow = true;
            changed();
        });
        listening.onClose(() -> {
            listeningNow = false;
            changed();
        });
    }

    private void changed() {
        generation.incrementAndGet();
        cached = null;
    }

    /** The whole calendar as committed, from memory when this instance can tell it has not changed. */
    public Uni<WorkingCalendar> current() {
        Cached held = cached;
        long now = generation.get();
        if (held != null && held.generation() == now) {
            return Uni.createFrom().item(held.calendar());
        }
        return load(pool).invoke(calendar -> {
            if (listeningNow && generation.get() == now) {
                cached = new Cached(now, calendar);
            }
        });
    }

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

    /** A year's notice as loaded, or a year without one. */
    public Uni<CalendarYear> year(int year) {
        return pool.preparedQuery("select y.year, y.source, d.day, d.kind, d.name from (select $1::int as year) wanted"
                + " left join calendar_year y on y.year = wanted.year"
                + " left join calendar_day d on d.source_year = y.year order by d.day")
                .execute(Tuple.of(year))
                .map(rows -> {
                    String source = null;
                    List<CalendarYear.CalendarDay> days = new ArrayList<>();
                    for (Row row : rows) {
                        source = row.getString("source");
                        if (row.getLocalDate("day") != null) {
                            days.add(new CalendarYear.CalendarDay(row.getLocalDate("day"),
                                    DayKind.valueOf(row.getString("kind")), row.getString("name")));
                        }
                    }
                    return new CalendarYear(year, source != null, source, days);
                });
    }

    /**
     * Replaces a year's notice and days, in one transaction; CONFLICT when a day belongs to another year's notice
     * (a notice may reach into the December before).
     */
    public Uni<Void> replaceYear(int year, String source, List<LocalDate> dates, List<String> kinds, List<String> names) {
        return audit.withTransaction(connection -> connection
                .preparedQuery("select day, source_year from calendar_day where day = any($1) and source_year <> $2")
                .execute(Tuple.of(dates.toArray(new LocalDate[0]), year))
                .invoke(rows -> {
                    if (rows.size() > 0) {
                        Row taken = rows.iterator().next();
                        throw DubanException.conflict(taken.getLocalDate("day") + " belongs to the notice of "
                                + taken.getInteger("source_year"));
                    }
                })
                .chain(() -> connection.preparedQuery("insert into calendar_year (year, source) values ($1, $2)"
                        + " on conflict (year) do update set source = excluded.source")
                        .execute(Tuple.of(year, source)))
                .chain(() -> connection.preparedQuery("delete from calendar_day where source_year = $1")
                        .execute(Tuple.of(year)))
                .chain(() -> connection.preparedQuery("insert into calendar_day (day, kind, name, source_year)"
                        + " select d, k, n, $4 from unnest($1::date[], $2::text[], $3::text[]) as x(d, k, n)")
                        .execute(Tuple.of(dates.toArray(new LocalDate[0]), kinds.toArray(new String[0]),
                                names.toArray(new String[0]), year)))
                .chain(() -> connection.query("select pg_notify('" + CHANNEL + "', '')").execute()))
                .invoke(this::changed)
                .replaceWithVoid();
    }
}
