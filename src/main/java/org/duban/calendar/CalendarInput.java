package org.duban.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CalendarYearInput")
@Description("A year's holiday notice, replacing what was loaded for that year.")
public record CalendarInput(
        @Min(CalendarInput.FIRST_YEAR) @Max(CalendarInput.LAST_YEAR) int year,
        @NonNull @NotBlank @Size(max = 500) @Description("The notice, e.g. 国务院办公厅关于2027年部分节假日安排的通知") String source,
        @NonNull @Size(max = 366) List<@NonNull @Valid Day> days) {

    /** The years a calendar may be loaded and asked for. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    @Input("CalendarDayInput")
    public record Day(@NonNull LocalDate date, @NonNull DayKind kind, @Size(max = 50) String name) {
    }
}
