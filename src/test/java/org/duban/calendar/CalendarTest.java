package org.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CalendarTest {

    @Test
    void theShippedCalendarIsThePublishedDataSetFor2022To2026() throws IOException {
        Set<String> published = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/calendar/chinese-days-2022-2026.tsv"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                published.add(line.strip().replace('\t', ' '));
            }
        }
        Set<String> shipped = new TreeSet<>();
        for (int year = 2022; year <= 2026; year++) {
            JsonPath calendar = ok(run("admin", "calendar", "year", year));
            assertThat(calendar.getBoolean("data.calendar.loaded")).isTrue();
            assertThat(calendar.getString("data.calendar.source")).contains(year + "年部分节假日安排");
            List<Map<String, Object>> days = calendar.getList("data.calendar.days");
            days.forEach(d -> shipped.add(d.get("date") + " " + d.get("kind")));
        }
        assertThat(shipped).isEqualTo(published);
    }

    @Test
    void in2022MidAutumnAndNationalDayWereHolidaysAndTheEighthAndNinthOfOctoberWorkingDays() {
        List<Map<String, Object>> days = ok(run("admin", "calendar", "year", 2022)).getList("data.calendar.days");
        Map<String, Object> byDate = new java.util.HashMap<>();
        days.forEach(d -> byDate.put((String) d.get("date"), d.get("kind")));

        for (String holiday : List.of("2022-09-10", "2022-09-11", "2022-09-12", "2022-10-01", "2022-10-04", "2022-10-07")) {
            assertThat(byDate.get(holiday)).as(holiday).isEqualTo("HOLIDAY");
        }
        assertThat(byDate.get("2022-10-08")).isEqualTo("MAKEUP_WORKDAY");
        assertThat(byDate.get("2022-10-09")).isEqualTo("MAKEUP_WORKDAY");
        // 31 December 2022 is a holiday of the 2023 notice.
        assertThat(byDate).doesNotContainKey("2022-12-31");
        assertThat(ok(run("admin", "calendar", "year", 2023)).getList("data.calendar.days.date")).contains("2022-12-31");
    }

    @Test
    void aYearWithoutANoticeSaysSo() {
        JsonPath calendar = ok(run("admin", "calendar", "year", 2040));
        assertThat(calendar.getBoolean("data.calendar.loaded")).isFalse();
        assertThat(calendar.getList("data.calendar.days")).isEmpty();
    }

    @Test
    void anAdminLoadsAFurtherYearAndReplacesIt() {
        Map<String, Object> input = Map.of("year", 2041, "source", "国务院办公厅关于2041年部分节假日安排的通知", "days", List.of(
                Map.of("date", "2040-12-31", "kind", "HOLIDAY", "name", "元旦"),
                Map.of("date", "2041-01-01", "kind", "HOLIDAY", "name", "元旦"),
                Map.of("date", "2041-01-05", "kind", "MAKEUP_WORKDAY", "name", "元旦")));
        JsonPath loaded = ok(run("operator", "set-calendar-days", "input", input));
        assertThat(loaded.getList("data.setCalendarDays.days.date")).containsExactly("2040-12-31", "2041-01-01", "2041-01-05");

        ok(run("operator", "set-calendar-days", "input", Map.of("year", 2041, "source", "更正", "days",
                List.of(Map.of("date", "2041-01-01", "kind", "HOLIDAY")))));
        JsonPath replaced = ok(run("admin", "calendar", "year", 2041));
        assertThat(replaced.getList("data.calendar.days.date")).containsExactly("2041-01-01");
        assertThat(replaced.getString("data.calendar.source")).isEqualTo("更正");
    }

    @Test
    void badDaysAreRefusedAndChangeNothing() {
        // 2042-01-06 is a Monday: it cannot be a make-up workday.
        JsonPath weekday = run("operator", "set-calendar-days", "input", Map.of("year", 2042, "source", "x", "days",
                List.of(Map.of("date", "2042-01-01", "kind", "HOLIDAY"), Map.of("date", "2042-01-06", "kind", "MAKEUP_WORKDAY"))));
        assertThat(errorCode(weekday)).isEqualTo("VALIDATION");
        JsonPath outside = run("operator", "set-calendar-days", "input", Map.of("year", 2042, "source", "x", "days",
                List.of(Map.of("date", "2040-06-01", "kind", "HOLIDAY"))));
        assertThat(errorCode(outside)).isEqualTo("VALIDATION");
        // A day of the 2023 notice cannot be claimed by another year's.
        JsonPath conflict = run("operator", "set-calendar-days", "input", Map.of("year", 2022, "source", "x", "days",
                List.of(Map.of("date", "2022-12-31", "kind", "HOLIDAY"))));
        assertThat(errorCode(conflict)).isEqualTo("CONFLICT");
        assertThat(ok(run("admin", "calendar", "year", 2042)).getBoolean("data.calendar.loaded")).isFalse();
        assertThat(ok(run("admin", "calendar", "year", 2022)).getList("data.calendar.days")).hasSize(38);
        assertThat(errorCode(run("leader", "set-calendar-days", "input", Map.of("year", 2042, "source", "x", "days", List.of()))))
                .isEqualTo("FORBIDDEN");
    }
}
