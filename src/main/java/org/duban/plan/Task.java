package org.duban.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.common.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Task")
@Description("A rectification task or measure (整改任务): a section, task or sub-item of a plan.")
public record Task(
        @Id @GlobalId(IdKind.TASK) long id,
        @NonNull @Description("The code as the document writes it, e.g. (一)3(2); unique within the plan") String code,
        @NonNull String title,
        String description,
        @NonNull @Description("When work starts; the plan's issue date unless set") LocalDate startDate,
        @Description("Due date (整改时限), inclusive, a calendar date in Asia/Shanghai") LocalDate deadline,
        @Description("What the document adds about the deadline, e.g. 11月底前全面完成") String deadlineNote,
        @Description("The deadline as the plan document wrote it (9月底前, 9月中下旬, 每月5日前, 长期坚持), kept beside the "
                + "date, window or recurrence an import read from it; null when the file gave a date") String deadlinePhrase,
        @Description("For a recurring obligation, its RFC 5545 RRULE; see occurrences") String recurrence,
        @NonNull TaskStatus status,
        @Description("Past the deadline (Asia/Shanghai) and still NOT_STARTED or IN_PROGRESS") boolean overdue,
        @Description("Its place among its siblings in the document, from 1") int ordinal,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt,
        @NonNull @Description("Changes with every update; pass it as expectedVersion") Integer version,
        @Ignore long planId,
        @Ignore Long parentId,
        @Ignore List<Integer> sortPath) implements Node {

    /** Task columns for aliases {@code t} (task) and {@code p} (its plan). */
    public static final String COLUMNS = "t.id, t.plan_id, t.parent_id, t.code, t.sort_path, t.title, t.description, "
            + "coalesce(t.start_date, p.issued_on) as start_date, t.deadline, t.deadline_note, t.deadline_phrase, t.recurrence, t.status, "
            + "t.created_at, t.updated_at, t.version";

    public static Task from(Row row, LocalDate today) {
        LocalDate deadline = row.getLocalDate("deadline");
        TaskStatus status = TaskStatus.valueOf(row.getString("status"));
        List<Integer> sortPath = Arrays.asList(row.getArrayOfIntegers("sort_path"));
        return new Task(row.getLong("id"), row.getString("code"), row.getString("title"), row.getString("description"),
                row.getLocalDate("start_date"), deadline, row.getString("deadline_note"), row.getString("deadline_phrase"),
                row.getString("recurrence"), status,
                isOverdue(deadline, status, today), sortPath.get(sortPath.size() - 1),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant(),
                row.getInteger("version"), row.getLong("plan_id"), row.getLong("parent_id"), sortPath);
    }

    /** Deadlines are inclusive: due on the 15th is overdue from the 16th. */
    static boolean isOverdue(LocalDate deadline, TaskStatus status, LocalDate today) {
        return deadline != null && today.isAfter(deadline) && status.isOpen();
    }

    /**
     * By id alone: data loaders hash a task three times for each batched field they load for it (its key, its context,
     * its cache entry), and a record's own hash reads every component, texts included. Equal tasks share an id.
     */
    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
