package org.duban.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.duban.common.TrackedRow;
import org.duban.common.sql.Rows;

import io.vertx.mutiny.sqlclient.Row;

/** A task's columns as editing and importing write them; its status, extensions and policy move apart (TaskRows). */
public class TaskRow extends TrackedRow {

    public Long planId;

    public Long parentId;

    public String code;

    /** Positions among siblings from the root down; ORDER BY it is document order. */
    public Integer[] sortPath;

    public String title;

    public String description;

    public LocalDate startDate;

    public LocalDate deadline;

    public String deadlineNote;

    /** The deadline as the plan document wrote it, e.g. 9月底前; set by an import. */
    public String deadlinePhrase;

    /** An RFC 5545 RRULE; the task is then due on each occurrence from its start date. */
    public String recurrence;

    public TaskStatus status = TaskStatus.NOT_STARTED;

    public Instant deletedAt;

    /** What editing and importing set, to tell a write that changes something from one that would not. */
    public List<Object> content() {
        return Arrays.asList(parentId, code, sortPath == null ? null : Arrays.asList(sortPath), title, description, startDate,
                deadline, deadlineNote, deadlinePhrase, recurrence);
    }

    static TaskRow from(Row row) {
        TaskRow task = new TaskRow();
        task.readTracked(row);
        task.planId = row.getLong("plan_id");
        task.parentId = row.getLong("parent_id");
        task.code = row.getString("code");
        task.sortPath = row.getArrayOfIntegers("sort_path");
        task.title = row.getString("title");
        task.description = row.getString("description");
        task.startDate = row.getLocalDate("start_date");
        task.deadline = row.getLocalDate("deadline");
        task.deadlineNote = row.getString("deadline_note");
        task.deadlinePhrase = row.getString("deadline_phrase");
        task.recurrence = row.getString("recurrence");
        task.status = Rows.enumOf(row, "status", TaskStatus.class);
        task.deletedAt = Rows.instant(row, "deleted_at");
        return task;
    }

    /**
     * The sort path as an array literal: many tasks' paths travel as one {@code text[]} (an {@code int[][]} would
     * need paths of one length), each cast back to {@code int[]}.
     */
    String sortPathLiteral() {
        return Arrays.stream(sortPath).map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
