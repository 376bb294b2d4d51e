package org.duban.calendar;

import static org.duban.common.Text.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.InputValidator;
import org.duban.access.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@GraphQLApi
@Authenticated
public class CalendarApi {

    private final Pool pool;
    private final AuditTrail audit;
    private final InputValidator validator;

    CalendarApi(Pool pool, AuditTrail audit, InputValidator validator) {
        this.pool = pool;
        this.audit = audit;
        this.validator = validator;
    }

    @Query
    @Description("The working-day calendar of a year as loaded: the mainland China notices 2022-2026 ship with Duban.")
    public Uni<@NonNull CalendarYear> calendar(int year) {
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

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Loads a year's holiday notice, replacing the year's days. Days lie in the year or in the December "
            + "before it; a make-up workday must be a Saturday or Sunday. Reminders follow from their next run.")
    @Name("setCalendarDays")
    public Uni<@NonNull CalendarYear> setCalendarDays(@NonNull CalendarInput input) {
        validator.check("input", input);
        Set<LocalDate> seen = new HashSet<>();
        List<LocalDate> dates = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        LocalDate first = LocalDate.of(input.year() - 1, 12, 1);
        LocalDate last = LocalDate.of(input.year(), 12, 31);
        for (int i = 0; i < input.days().size(); i++) {
            CalendarInput.Day day = input.days().get(i);
            String at = "input.days[" + i + "]";
            if (day.date().isBefore(first) || day.date().isAfter(last)) {
                throw DubanException.validation(at + ".date", "outside " + first + " to " + last + ": " + day.date());
            }
            if (!seen.add(day.date())) {
                throw DubanException.validation(at + ".date", "given twice: " + day.date());
            }
            if (day.kind() == DayKind.MAKEUP_WORKDAY && day.date().getDayOfWeek().getValue() < 6) {
                throw DubanException.validation(at + ".kind", day.date() + " is a weekday; a make-up workday is a weekend day");
            }
            dates.add(day.date());
            kinds.add(day.kind().name());
            names.add(blankToNull(day.name()));
        }
        return audit.withTransaction(connection -> connection
                .preparedQuery("select day, source_year from calendar_day where day = any($1) and source_year <> $2")
                .execute(Tuple.of(dates.toArray(new LocalDate[0]), input.year()))
                .invoke(rows -> {
                    if (rows.size() > 0) {
                        Row taken = rows.iterator().next();
                        throw DubanException.conflict(taken.getLocalDate("day") + " belongs to the notice of "
                                + taken.getInteger("source_year"));
                    }
                })
                .chain(() -> connection.preparedQuery("insert into calendar_year (year, source) values ($1, $2)"
                        + " on conflict (year) do update set source = excluded.source")
                        .execute(Tuple.of(input.year(), input.source().strip())))
                .chain(() -> connection.preparedQuery("delete from calendar_day where source_year = $1")
                        .execute(Tuple.of(input.year())))
                .chain(() -> connection.preparedQuery("insert into calendar_day (day, kind, name, source_year)"
                        + " select d, k, n, $4 from unnest($1::date[], $2::text[], $3::text[]) as x(d, k, n)")
                        .execute(Tuple.of(dates.toArray(new LocalDate[0]), kinds.toArray(new String[0]),
                                names.toArray(new String[0]), input.year()))))
                .chain(() -> calendar(input.year()));
    }
}
