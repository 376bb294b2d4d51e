package org.duban.calendar;

import static org.duban.common.Text.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Roles;
import org.duban.common.DubanException;
import org.duban.common.InputValidator;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class CalendarApi {

    private final CalendarStore store;
    private final InputValidator validator;

    CalendarApi(CalendarStore store, InputValidator validator) {
        this.store = store;
        this.validator = validator;
    }

    @Query
    @Description("The working-day calendar of a year as loaded: the mainland China notices 2022-2026 ship with Duban.")
    public Uni<@NonNull CalendarYear> calendar(int year) {
        if (year < CalendarInput.FIRST_YEAR || year > CalendarInput.LAST_YEAR) {
            throw DubanException.validation("year", "a year from " + CalendarInput.FIRST_YEAR + " to " + CalendarInput.LAST_YEAR);
        }
        return store.year(year);
    }

    @Mutation
    @RolesAllowed(Roles.SYSTEM)
    @Description("Loads a year's holiday notice (国务院办公厅, for the whole platform: the platform's operator), replacing the year's days. Days lie in the year or in the December "
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
        return store.replaceYear(input.year(), input.source().strip(), dates, kinds, names)
                .chain(() -> store.year(input.year()));
    }
}
