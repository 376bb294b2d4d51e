package org.duban.supervisionnotice;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.access.Roles;
import org.duban.audit.AuditTrail;
import org.duban.calendar.CalendarStore;
import org.duban.common.ChinaTime;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.evidence.TaskEvidence;
import org.duban.notify.MessageText;
import org.duban.notify.Notices;
import org.duban.notify.NotificationKind;
import org.duban.plan.TaskStatus;
import org.duban.plan.TaskVisibility;
import org.duban.supervision.ProgressFacts;
import org.duban.supervision.TaskFacts;
import org.duban.urging.Urging;
import org.duban.urging.UrgingQueries;
import org.duban.warning.WarningLevel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code supervision_notice} and its numbering: the office issues a numbered notice (督办单) to a unit
 * lagging on open work, at the ladder's level or its own, with the facts of the day frozen into it, and the unit hears of
 * it where its reminders go; the unit's reply closes it and the office hears of that.
 */
@ApplicationScoped
public class SupervisionNotices {

    /** The urgings a notice lists, newest first. */
    private static final int URGINGS_LISTED = 3;

    private final AuditTrail audit;
    private final Notices notices;
    private final ProgressFacts facts;
    private final UrgingQueries urgings;
    private final CalendarStore calendars;
    private final SupervisionNoticeSettings settings;
    private final InputValidator validator;
    private final Clock clock;

    SupervisionNotices(AuditTrail audit, Notices notices, ProgressFacts facts, UrgingQueries urgings, CalendarStore calendars,
            SupervisionNoticeSettings settings, InputValidator validator, Clock clock) {
        this.audit = audit;
        this.notices = notices;
        this.facts = facts;
        this.urgings = urgings;
        this.calendars = calendars;
        this.settings = settings;
        this.validator = validator;
        this.clock = clock;
    }

    /** What the notice is about, read under the task's lock. */
    private record Subject(long taskId, String code, String title, TaskStatus status, LocalDate deadline, long planId,
            String planTitle, String planNumber, long regionId, String office, List<Long> answering, List<Long> responsible,
            String unitName, String milestoneTitle, LocalDate milestoneDue, SupervisionLevel lastLevel) {
    }

    /** Issues the notice and returns its id. */
    public Uni<Long> issue(SupervisionNoticeInputs.Issue input, Caller caller) {
        validator.check("input", input);
        long task = Ids.parse(input.taskId(), IdKind.TASK);
        Long unit = Ids.parseOptional(input.unitId(), IdKind.UNIT);
        Long milestone = Ids.parseOptional(input.milestoneId(), IdKind.MILESTONE);
        Instant now = clock.instant();
        LocalDate today = ChinaTime.today(clock);
        if (input.replyBy() != null && input.replyBy().isBefore(today)) {
            throw DubanException.validation("input.replyBy", "today or later");
        }
        return calendars.current().chain(calendar -> audit.withTransaction(connection -> subject(connection, task, unit, milestone,
                input.taskId())
                .chain(subject -> facts.byId(new Long[] { task }).chain(found -> urgings.ofTasks(new Long[] { task })
                        .chain(urged -> {
                            long addressed = subject.answering().size() == 1 && unit == null ? subject.answering().get(0) : unit;
                            TaskFacts taskFacts = found.get(task);
                            WarningLevel warning = taskFacts == null || taskFacts.warning() == null ? null : taskFacts.warning().level();
                            SupervisionLevel level = input.level() != null ? input.level()
                                    : SupervisionLadder.level(settings, warning, subject.lastLevel());
                            LocalDate deadline = subject.milestoneDue() != null ? subject.milestoneDue() : subject.deadline();
                            int overdue = deadline == null || !today.isAfter(deadline) ? 0 : (int) ChronoUnit.DAYS.between(deadline, today);
                            LocalDate replyBy = input.replyBy() != null ? input.replyBy()
                                    : calendar.plusWorkingDays(today, settings.replyWorkingDays());
                            Frozen frozen = new Frozen(level, deadline, overdue, taskFacts == null ? 0 : taskFacts.percentComplete(),
                                    warning, listed(urged, addressed), replyBy);
                            return number(connection, subject.regionId(), today.getYear()).chain(serial -> {
                                String number = settings.numberFormat().replace("{year}", String.valueOf(today.getYear()))
                                        .replace("{serial}", String.valueOf(serial));
                                return insert(connection, subject, addressed, milestone, frozen, serial, number, today, now,
                                        input.requirement().strip(), caller)
                                        .call(id -> tell(connection, id, number, subject, addressed, frozen, input.requirement().strip(), now));
                            });
                        })))));
    }

    /** The facts of the day, as the paper states them. */
    private record Frozen(SupervisionLevel level, LocalDate deadline, int overdueDays, int percent, WarningLevel warning,
            List<String> urgings, LocalDate replyBy) {
    }

    private Uni<Subject> subject(SqlConnection connection, long task, Long unit, Long milestone, String taskId) {
        return connection.preparedQuery("select t.code, t.title, t.status, t.deadline, p.id as plan_id, p.title as plan_title,"
                + " p.document_number, p.region_id, o.name as office,"
                + " array(select tu.unit_id from task_unit tu where tu.task_id = t.id and tu.role <> 'ASSIST' order by tu.ordinal, tu.unit_id) as answering,"
                + " array(select tu.unit_id from task_unit tu where tu.task_id = t.id order by tu.ordinal, tu.unit_id) as responsible,"
                + " (select u.name from unit u where u.id = coalesce($2, (select tu.unit_id from task_unit tu where tu.task_id = t.id"
                + "   and tu.role <> 'ASSIST' order by tu.ordinal, tu.unit_id limit 1))) as unit_name,"
                + " m.title as milestone_title, m.due_on as milestone_due,"
                + " (select s.level from supervision_notice s where s.task_id = t.id and s.unit_id = coalesce($2, (select tu.unit_id"
                + "   from task_unit tu where tu.task_id = t.id and tu.role <> 'ASSIST' order by tu.ordinal, tu.unit_id limit 1))"
                + "   order by s.id desc limit 1) as last_level"
                + " from task t join plan p on p.id = t.plan_id join unit o on o.id = p.issuing_unit_id"
                + " left join task_milestone m on m.id = $3 and m.task_id = t.id"
                + " where t.id = $1 and t.deleted_at is null and " + TaskVisibility.writable("t") + " for update of t")
                .execute(Tuple.of(task, unit, milestone))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Task", taskId);
                    }
                    Row row = rows.iterator().next();
                    TaskStatus status = TaskStatus.valueOf(row.getString("status"));
                    if (!status.isOpen()) {
                        throw DubanException.invalidTransition("Open work is pressed with a supervision notice; the task is " + status);
                    }
                    List<Long> answering = List.of(row.getArrayOfLongs("answering"));
                    List<Long> responsible = List.of(row.getArrayOfLongs("responsible"));
                    if (unit == null && answering.size() != 1) {
                        throw DubanException.validation("input.unitId", answering.isEmpty() ? "no unit answers for this task"
                                : "name the unit: " + answering.size() + " units answer for this task");
                    }
                    if (unit != null && !responsible.contains(unit)) {
                        throw DubanException.validation("input.unitId", "that unit is not responsible for this task");
                    }
                    if (milestone != null && row.getString("milestone_title") == null) {
                        throw DubanException.validation("input.milestoneId", "not a milestone of this task");
                    }
                    String last = row.getString("last_level");
                    return new Subject(task, row.getString("code"), row.getString("title"), status, row.getLocalDate("deadline"),
                            row.getLong("plan_id"), row.getString("plan_title"), row.getString("document_number"),
                            row.getLong("region_id"), row.getString("office"), answering, responsible, row.getString("unit_name"),
                            row.getString("milestone_title"), row.getLocalDate("milestone_due"),
                            last == null ? null : SupervisionLevel.valueOf(last));
                });
    }

    /** The next number of the region's year, under the counter row's lock until the notice's transaction ends. */
    private static Uni<Integer> number(SqlConnection connection, long region, int year) {
        return connection.preparedQuery("insert into supervision_notice_serial (region_id, year, last_serial) values ($1, $2, 1)"
                + " on conflict (region_id, year) do update set last_serial = supervision_notice_serial.last_serial + 1"
                + " returning last_serial")
                .execute(Tuple.of(region, year))
                .map(rows -> rows.iterator().next().getInteger("last_serial"));
    }

    private static Uni<Long> insert(SqlConnection connection, Subject subject, long unit, Long milestone, Frozen frozen, int serial,
            String number, LocalDate today, Instant now, String requirement, Caller caller) {
        return connection.preparedQuery("insert into supervision_notice (region_id, year, serial, number, task_id, milestone_id,"
                + " unit_id, level, issuing_office, unit_name, plan_title, plan_number, task_code, task_title, milestone_title, deadline,"
                + " overdue_days, percent_complete, warning_level, urgings, requirement, reply_by, issued_on, issued_at, issued_by)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,"
                + " $24, $25) returning id")
                .execute(Tuple.from(new Object[] { subject.regionId(), today.getYear(), serial, number, subject.taskId(), milestone,
                        unit, frozen.level().name(), subject.office(), subject.unitName(), subject.planTitle(), subject.planNumber(),
                        subject.code(), subject.title(), subject.milestoneTitle(), frozen.deadline(), frozen.overdueDays(),
                        frozen.percent(), frozen.warning() == null ? null : frozen.warning().name(),
                        frozen.urgings().toArray(new String[0]), requirement, frozen.replyBy(), today, now.atOffset(ZoneOffset.UTC),
                        caller.accountId() }))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    private Uni<Integer> tell(SqlConnection connection, long id, String number, Subject subject, long unit, Frozen frozen,
            String requirement, Instant now) {
        return notices.tellUnits(connection, new Notices.Event(NotificationKind.SUPERVISION_NOTICE, "supervision-notice:" + id,
                subject.taskId(), MessageText.supervisionNotice(number, frozen.level().words(), subject.code(), subject.title(),
                        SupervisionNoticeWords.facts(frozen.deadline(), frozen.overdueDays(), frozen.percent()), requirement,
                        frozen.replyBy())),
                new Long[] { unit }, now);
    }

    /** The unit's latest urgings about the task, newest first, as lines of the paper: 2022-10-28 电话（张三）：答复. */
    private static List<String> listed(List<Urging> urged, long unit) {
        List<Urging> mine = new ArrayList<>(urged.stream().filter(u -> u.unitId() == unit).toList());
        mine.sort(Comparator.comparing(Urging::urgedAt).reversed());
        return mine.stream().limit(URGINGS_LISTED).map(SupervisionNoticeWords::urging).collect(Collectors.toList());
    }

    /** The unit replies (or ADMIN records its reply), once; the office hears of it. Returns the notice's id. */
    public Uni<Long> reply(String noticeId, SupervisionNoticeInputs.Reply input, Caller caller) {
        validator.check("input", input);
        long id = Ids.parse(noticeId, IdKind.SUPERVISION_NOTICE);
        String text = blankToNull(input.text()).strip();
        Instant now = clock.instant();
        return audit.withTransaction(connection -> connection.preparedQuery("select s.task_id, s.unit_id, s.number, s.task_code,"
                + " s.task_title, s.unit_name, s.replied_at, t.plan_id from supervision_notice s join task t on t.id = s.task_id"
                + " where s.id = $1 and " + TaskVisibility.writableTaskId("s.task_id") + " for update of s")
                .execute(Tuple.of(id))
                .map(rows -> {
                    Row row = rows.size() == 0 ? null : rows.iterator().next();
                    if (row == null) {
                        throw DubanException.notFound("SupervisionNotice", noticeId);
                    }
                    if (!caller.is(Roles.ADMIN) && !row.getLong("unit_id").equals(caller.unitId())) {
                        if (!caller.is(Roles.UNIT)) {
                            throw new DubanException(ErrorCode.FORBIDDEN, "The unit the notice presses replies", null);
                        }
                        throw DubanException.notFound("SupervisionNotice", noticeId);
                    }
                    if (row.getValue("replied_at") != null) {
                        throw DubanException.invalidTransition("This supervision notice is replied to already");
                    }
                    return row;
                })
                .call(row -> TaskEvidence.named(connection, row.getLong("task_id"), input.evidenceIds(), "input.evidenceIds")
                        .chain(evidence -> connection.preparedQuery("update supervision_notice set reply = $2, reply_evidence_ids = $3,"
                                + " replied_at = $4, replied_by = $5 where id = $1")
                                .execute(Tuple.from(new Object[] { id, text, evidence.toArray(new Long[0]), now.atOffset(ZoneOffset.UTC),
                                        caller.accountId() }))))
                .call(row -> notices.tellOffice(connection, new Notices.Event(NotificationKind.SUPERVISION_NOTICE_REPLIED,
                        "supervision-notice-reply:" + id, row.getLong("task_id"),
                        MessageText.supervisionNoticeReplied(row.getString("number"), row.getString("task_code"),
                                row.getString("task_title"), row.getString("unit_name"), text)),
                        row.getLong("plan_id"), now))
                .replaceWith(id));
    }
}
