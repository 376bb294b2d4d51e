package org.duban.calendar;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("CalendarYear")
@Description("A year's holiday notice (节假日安排通知): its holidays and make-up workdays. Other days are working days "
        + "from Monday to Friday.")
public record CalendarYear(
        int year,
        @Description("Whether the notice is loaded; if not, only weekends are non-working days and reminders say "
                + "calendarMissing") boolean loaded,
        @Description("The notice the days come from") String source,
        @NonNull @Description("The notice's days in date order; a notice may begin in the year before (2022-12-31 "
                + "belongs to the 2023 New Year holiday)") List<@NonNull CalendarDay> days) {

    @Type("CalendarDay")
    public record CalendarDay(@NonNull LocalDate date, @NonNull DayKind kind, @Description("e.g. 国庆节") String name) {
    }
}
