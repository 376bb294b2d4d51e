package org.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Requests take the calendar from memory, and a change another instance commits reaches it: the writer announces
 * it in its transaction and every instance reads the calendar again.
 */
@QuarkusTest
class CalendarCacheTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2098, 7, 2);

    @Inject
    CalendarStore calendars;

    @Inject
    Pool pool;

    @Test
    void aChangeAnnouncedByAnotherInstanceIsSeenOnTheNextRead() throws InterruptedException {
        announced("delete from calendar_year where year = 2098");
        awaitWorkingDay(true);
        WorkingCalendar held = calendars.current().await().atMost(Duration.ofSeconds(10));
        assertThat(calendars.current().await().atMost(Duration.ofSeconds(10))).as("from memory").isSameAs(held);

        announced("insert into calendar_year (year, source) values (2098, '测试通知')",
                "insert into calendar_day (day, kind, name, source_year) values ('" + WEDNESDAY + "', 'HOLIDAY', '测试假日', 2098)");

        awaitWorkingDay(false);
    }

    /** What another instance's setCalendarDays commits: the rows and the announcement, in one transaction. */
    private void announced(String... statements) {
        pool.withTransaction(sql -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String statement : statements) {
                chain = chain.chain(() -> sql.query(statement).execute()).replaceWithVoid();
            }
            return chain.chain(() -> sql.query("select pg_notify('" + CalendarStore.CHANNEL + "', '')").execute());
        }).await().atMost(Duration.ofSeconds(10));
    }

    private void awaitWorkingDay(boolean working) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (calendars.current().await().atMost(Duration.ofSeconds(10)).isWorkingDay(WEDNESDAY) != working
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(calendars.current().await().atMost(Duration.ofSeconds(10)).isWorkingDay(WEDNESDAY)).isEqualTo(working);
    }
}
