package org.duban.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.duban.common.ChinaTime;
import org.duban.milestone.Milestone;
import org.duban.paper.SheetWriter;
import org.duban.paper.SheetWriter.Column;
import org.duban.paper.SheetWriter.Kind;
import org.duban.people.TaskPerson;
import org.duban.plan.Plan;
import org.duban.plan.Task;
import org.duban.plan.TaskAssignment;
import org.duban.plan.TaskFilter;
import org.duban.plan.TaskStatus;
import org.duban.plan.occurrence.Schedule;
import org.duban.plan.occurrence.TaskOccurrence;
import org.duban.supervision.ProgressReport;
import org.duban.supervision.SupervisionQueries.ClosingDays;
import org.duban.supervision.TaskFacts;
import org.duban.unit.Unit;

/**
 * The task ledger's layout and how a task becomes its rows: one row per task, one per occurrence of a recurring task
 * (those in the filter's due range, or else those due by today and the one worked on now). Progress, colour and the
 * latest report belong to the occurrence worked on now; earlier occurrences show their status and closing days.
 */
final class TaskLedgerRows {

    static final int NUMBER = 0;
    static final int CODE = 1;
    static final int TITLE = 2;
    static final int PLAN = 3;
    static final int MEASURES = 4;
    static final int UNITS = 5;
    static final int PEOPLE = 6;
    static final int DEADLINE = 7;
    static final int DEADLINE_WORDS = 8;
    static final int DEADLINE_NOTE = 9;
    static final int MILESTONES = 10;
    static final int STATUS = 11;
    static final int WARNING = 12;
    static final int WARNING_BASIS = 13;
    static final int PERCENT = 14;
    static final int LATEST = 15;
    static final int SIGNED_OFF_ON = 16;
    static final int ON_TIME = 17;

    /** The columns, in this order; the import's default mapping reads them by these headers. */
    static final List<Column> COLUMNS = List.of(
            new Column("序号", 6, Kind.INTEGER),
            new Column("编号", 12, Kind.TEXT),
            new Column("整改任务", 40, Kind.WRAPPED),
            new Column("所属方案", 22, Kind.WRAPPED),
            new Column("整改措施及目标", 30, Kind.WRAPPED),
            new Column("责任单位", 32, Kind.WRAPPED),
            new Column("责任人", 28, Kind.WRAPPED),
            new Column("完成时限", 12, Kind.DATE),
            new Column("时限要求", 16, Kind.WRAPPED),
            new Column("时限说明", 20, Kind.WRAPPED),
            new Column("节点", 30, Kind.WRAPPED),
            new Column("办理状态", 12, Kind.TEXT),
            new Column("预警", 8, Kind.TEXT),
            new Column("预警依据", 10, Kind.TEXT),
            new Column("完成进度", 10, Kind.PERCENT),
            new Column("最新进展", 40, Kind.WRAPPED),
            new Column("销号日期", 12, Kind.DATE),
            new Column("是否按时完成", 10, Kind.TEXT));

    /** What the ledger shows of a chunk of tasks, keyed by task id (closing days by task@occurrence due). */
    record Chunk(List<Task> tasks, Map<Long, Plan> plans, Map<Long, List<TaskAssignment>> units,
            Map<Long, List<TaskPerson>> people, Map<Long, List<Milestone>> milestones, Map<Long, TaskFacts> facts,
            Map<Long, ProgressReport> latest, Map<String, ClosingDays> closing) {
    }

    private final LocalDate dueFrom;
    private final LocalDate dueTo;
    private final LocalDate today;
    private int number;

    TaskLedgerRows(TaskFilter filter, LocalDate today) {
        this.dueFrom = filter == null ? null : filter.dueFrom();
        this.dueTo = filter == null ? null : filter.dueTo();
        this.today = today;
    }

    void write(SheetWriter sheet, Chunk chunk) {
        for (Task task : chunk.tasks()) {
            TaskFacts facts = chunk.facts().get(task.id());
            if (facts == null) {
                continue; // deleted since the page was read
            }
            Schedule schedule = facts.schedule();
            if (!schedule.recurs()) {
                row(sheet, chunk, facts, null, task.deadline(), task.status(), facts.scoredDeadline());
                continue;
            }
            for (TaskOccurrence occurrence : occurrences(facts)) {
                row(sheet, chunk, facts, occurrence, occurrence.dueOn(), occurrence.status(), occurrence.dueOn());
            }
        }
    }

    private List<TaskOccurrence> occurrences(TaskFacts facts) {
        Schedule schedule = facts.schedule();
        if (dueFrom != null || dueTo != null) {
            return schedule.between(dueFrom, dueTo, today);
        }
        List<TaskOccurrence> due = new ArrayList<>(schedule.between(null, today, today));
        TaskOccurrence current = facts.current();
        if (current != null && due.stream().noneMatch(o -> o.dueOn().equals(current.dueOn()))) {
            due.add(current);
        }
        return due;
    }

    private void row(SheetWriter sheet, Chunk chunk, TaskFacts facts, TaskOccurrence occurrence, LocalDate due,
            TaskStatus status, LocalDate scoredDeadline) {
        Task task = facts.task();
        boolean current = occurrence == null || facts.current() != null && facts.current().dueOn().equals(occurrence.dueOn());
        ClosingDays closing = chunk.closing().get(task.id() + "@" + (occurrence == null ? null : occurrence.dueOn()));
        SheetWriter.RowWriter row = sheet.row()
                .number(NUMBER, ++number)
                .text(CODE, task.code())
                .text(TITLE, task.title())
                .text(PLAN, plan(chunk.plans().get(task.planId())))
                .text(UNITS, units(chunk.units().getOrDefault(task.id(), List.of())))
                .text(PEOPLE, people(chunk.people().getOrDefault(task.id(), List.of()), chunk.units().getOrDefault(task.id(), List.of())))
                .date(DEADLINE, due)
                .text(DEADLINE_WORDS, task.deadlinePhrase())
                .text(DEADLINE_NOTE, task.deadlineNote())
                .text(MILESTONES, milestones(chunk.milestones().getOrDefault(task.id(), List.of())))
                .text(STATUS, LedgerWords.status(status));
        if (current) {
            row.text(MEASURES, measures(facts))
                    .text(WARNING, LedgerWords.warning(facts.warning() == null ? null : facts.warning().level()))
                    .fill(WARNING, LedgerWords.fill(facts.warning() == null ? null : facts.warning().level()))
                    .text(WARNING_BASIS, LedgerWords.basis(facts.warning() == null ? null : facts.warning().basis()))
                    .percent(PERCENT, facts.assigned() ? facts.percentComplete() : null)
                    .text(LATEST, latest(chunk.latest().get(task.id()), chunk.units().getOrDefault(task.id(), List.of())));
        }
        if (status == TaskStatus.SIGNED_OFF && closing != null) {
            row.date(SIGNED_OFF_ON, closing.signedOffOn())
                    .text(ON_TIME, LedgerWords.yesNo(scoredDeadline == null
                            || closing.submittedOn() != null && !closing.submittedOn().isAfter(scoredDeadline)));
        }
    }

    private static String plan(Plan plan) {
        if (plan == null) {
            return null;
        }
        return plan.documentNumber() == null ? plan.title() : plan.documentNumber();
    }

    private static String measures(TaskFacts facts) {
        StringJoiner text = new StringJoiner("\n");
        facts.progress().measures().forEach(share -> text.add(LedgerWords.measure(share.measure(), share.percent())));
        return text.toString();
    }

    /** 甲（牵头）、乙（配合）: each unit once, as the task list shows them. */
    static String units(List<TaskAssignment> assignments) {
        StringJoiner text = new StringJoiner("、");
        assignments.forEach(a -> text.add(a.unit().name() + LedgerWords.roleMark(a.role())));
        return text.toString();
    }

    /** 县自然资源局：责任领导 张三（副局长） 13800000000; one line per person. */
    private static String people(List<TaskPerson> people, List<TaskAssignment> units) {
        StringJoiner text = new StringJoiner("\n");
        for (TaskPerson person : people) {
            String unit = units.stream().map(TaskAssignment::unit).filter(u -> u.id() == person.unitId()).map(Unit::name)
                    .findFirst().orElse("");
            text.add(unit + "：" + LedgerWords.person(person.role()) + " " + person.name()
                    + (person.title() == null ? "" : "（" + person.title() + "）")
                    + (person.mobile() == null ? "" : " " + person.mobile()));
        }
        return text.toString();
    }

    /** 2022-10-31 确保10月底前完成供地（已完成）, one a line. */
    private static String milestones(List<Milestone> milestones) {
        StringJoiner text = new StringJoiner("\n");
        milestones.forEach(m -> text.add(m.dueOn() + " " + m.title() + (m.met() ? "（已完成）" : "")));
        return text.toString();
    }

    private static String latest(ProgressReport report, List<TaskAssignment> units) {
        if (report == null) {
            return null;
        }
        String unit = units.stream().map(TaskAssignment::unit).filter(u -> u.id() == report.unitId()).map(Unit::name)
                .findFirst().orElse("");
        return report.reportedAt().atZone(ChinaTime.ZONE).toLocalDate() + " " + unit + "：" + report.summary()
                + "（" + report.percent() + "%）";
    }
}
