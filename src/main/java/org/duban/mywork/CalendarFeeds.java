package org.duban.mywork;

import static org.duban.common.sql.Rows.map;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.account.AccountService;
import org.duban.common.ChinaTime;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.plan.AssignmentRole;
import org.duban.plan.occurrence.OccurrenceQueries;
import org.duban.plan.occurrence.Schedule;
import org.duban.plan.occurrence.TaskOccurrence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A unit's open deadlines as an iCalendar feed for phone and desktop calendar apps, which cannot send a
 * token: the URL carries a per-account secret instead. Only its SHA-256 digest is stored, so the URL is shown
 * once, when made; making a new one kills the old.
 */
@ApplicationScoped
public class CalendarFeeds {

    static final String PATH = "/calendar/";
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Recurring deadlines shown this far back (if still open) and ahead; a task's single deadline always. */
    private static final int WINDOW_DAYS = 366;

    private final Pool pool;
    private final AccountService accounts;
    private final OccurrenceQueries occurrences;
    private final Clock clock;

    CalendarFeeds(Pool pool, AccountService accounts, OccurrenceQueries occurrences, Clock clock) {
        this.pool = pool;
        this.accounts = accounts;
        this.occurrences = occurrences;
        this.clock = clock;
    }

    /** Gives the account a new feed secret and returns the feed's path. */
    public Uni<String> rotate(long accountId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return accounts.setCalendarFeedDigest(accountId, digest(secret)).replaceWith(PATH + secret + ".ics");
    }

    /** The feed for the secret, or null when no enabled account of a unit holds it. */
    public Uni<String> feed(String secret) {
        if (!SECRET.matcher(secret).matches()) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("select a.unit_id, u.name from account a join unit u on u.id = a.unit_id"
                + " where a.calendar_feed_digest = $1 and a.enabled")
                .execute(Tuple.of(digest(secret)))
                .chain(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return Uni.createFrom().nullItem();
                    }
                    Row account = found.next();
                    return openDeadlines(account.getLong("unit_id")).map(events -> write(account.getString("name"), events));
                });
    }

    private record FeedTask(long id, String code, String title, String planTitle, AssignmentRole role) {
    }

    private record Event(FeedTask task, TaskOccurrence occurrence) {
    }

    private Uni<List<Event>> openDeadlines(long unitId) {
        LocalDate today = ChinaTime.today(clock);
        return pool.preparedQuery("select t.id, t.code, t.title, p.title as plan_title, tu.role from task t"
                + " join task_unit tu on tu.task_id = t.id join plan p on p.id = t.plan_id"
                + " where tu.unit_id = $1 and t.deleted_at is null and (t.deadline is not null or t.recurrence is not null)"
                + " order by t.id")
                .execute(Tuple.of(unitId))
                .map(rows -> map(rows, row -> new FeedTask(row.getLong("id"), row.getString("code"), row.getString("title"),
                        row.getString("plan_title"), AssignmentRole.valueOf(row.getString("role")))))
                .chain(tasks -> {
                    Map<Long, FeedTask> byId = tasks.stream().collect(Collectors.toMap(FeedTask::id, Function.identity()));
                    return occurrences.schedules(byId.keySet().toArray(Long[]::new)).map(schedules -> schedules.stream()
                            .flatMap(schedule -> occurrencesToShow(schedule, today).stream()
                                    .map(occurrence -> new Event(byId.get(schedule.taskId()), occurrence)))
                            .toList());
                });
    }

    private static List<TaskOccurrence> occurrencesToShow(Schedule schedule, LocalDate today) {
        boolean recurs = schedule.recurs();
        LocalDate from = recurs ? today.minusDays(WINDOW_DAYS) : null;
        LocalDate to = recurs ? today.plusDays(WINDOW_DAYS) : null;
        return schedule.between(from, to, today).stream()
                .filter(occurrence -> occurrence.status().isOpen())
                .toList();
    }

    private String write(String unitName, List<Event> events) {
        ICalendarText ics = new ICalendarText()
                .raw("BEGIN", "VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", "-//Duban//Duban deadlines//ZH")
                .raw("CALSCALE", "GREGORIAN")
                .text("X-WR-CALNAME", unitName + " 督办事项")
                .raw("X-WR-TIMEZONE", ChinaTime.ZONE.getId());
        for (Event event : events) {
            FeedTask task = event.task();
            LocalDate due = event.occurrence().dueOn();
            String summary = (event.occurrence().overdue() ? "【逾期】" : "【到期】") + task.code() + " " + task.title();
            ics.raw("BEGIN", "VEVENT")
                    .raw("UID", "task-" + Ids.of(IdKind.TASK, task.id()) + "-" + due + "@duban")
                    .utc("DTSTAMP", clock.instant())
                    .date("DTSTART", due)
                    .date("DTEND", due.plusDays(1))
                    .text("SUMMARY", summary)
                    .text("DESCRIPTION", task.planTitle() + "\n" + task.role().label()
                            + "\n状态: " + event.occurrence().status())
                    .raw("TRANSP", "TRANSPARENT");
            alarm(ics, "-P6DT15H", "一周后到期: " + summary); // 09:00 a week before
            alarm(ics, "-PT15H", "明天到期: " + summary); // 09:00 the day before
            ics.raw("END", "VEVENT");
        }
        return ics.raw("END", "VCALENDAR").build();
    }

    private static void alarm(ICalendarText ics, String trigger, String description) {
        ics.raw("BEGIN", "VALARM").raw("ACTION", "DISPLAY").raw("TRIGGER", trigger).text("DESCRIPTION", description)
                .raw("END", "VALARM");
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
