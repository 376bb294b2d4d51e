package org.duban.signing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.CalendarStore;
import org.duban.common.ChinaTime;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Signings of the units responsible for tasks now (a unit no longer responsible has none to show). */
@ApplicationScoped
public class SigningQueries {

    /** Still to be signed for: not signed, and not returned unless the office insisted. Of live, open tasks. */
    static final String AWAITED = "s.signed_at is null and (s.returned_at is null or s.return_decision is not distinct from 'INSISTED')"
            + " and t.deleted_at is null and is_open(t.status)";

    private static final String FROM = " from task_signing s join task_unit tu on tu.task_id = s.task_id and tu.unit_id = s.unit_id"
            + " join task t on t.id = s.task_id" + Signing.JOINS;

    private final Pool pool;
    private final CalendarStore calendars;
    private final SigningSettings settings;
    private final Clock clock;

    SigningQueries(Pool pool, CalendarStore calendars, SigningSettings settings, Clock clock) {
        this.pool = pool;
        this.calendars = calendars;
        this.settings = settings;
        this.clock = clock;
    }

    /** The signings of the units responsible for these tasks. */
    public Uni<List<Signing>> ofTasks(Long[] taskIds) {
        return read("select " + Signing.COLUMNS + FROM + " where s.task_id = any($1) order by s.task_id, tu.ordinal",
                Tuple.of((Object) taskIds));
    }

    /** What a unit has still to sign for, longest waiting first, at most {@code limit}. */
    public Uni<List<Signing>> awaitedByUnit(long unitId, int limit) {
        return read("select " + Signing.COLUMNS + FROM + " where s.unit_id = $1 and " + AWAITED
                + " order by s.assigned_on, s.task_id limit $2", Tuple.of(unitId, limit));
    }

    /** What the units of a plan have still to sign for, longest waiting first, at most {@code limit}. */
    public Uni<List<Signing>> awaitedInPlan(long planId, int limit) {
        return read("select " + Signing.COLUMNS + FROM + " where t.plan_id = $1 and " + AWAITED
                + " order by s.assigned_on, s.task_id, s.unit_id limit $2", Tuple.of(planId, limit));
    }

    private Uni<List<Signing>> read(String sql, Tuple arguments) {
        return calendars.current().chain(calendar -> pool.preparedQuery(sql).execute(arguments).map(rows -> {
            LocalDate today = ChinaTime.today(clock);
            List<Signing> found = new ArrayList<>();
            for (Row row : (RowSet<Row>) rows) {
                found.add(Signing.from(row, calendar, settings.workingDays(), today));
            }
            return found;
        }));
    }
}
