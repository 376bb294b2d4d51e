package org.duban.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Instruction")
@Description("A leader's instruction (批示) on a task; the responsible units are notified and, when it asks for one by a "
        + "date, answer it (落实情况).")
public record Instruction(
        @Id @GlobalId(IdKind.INSTRUCTION) long id,
        @NonNull String text,
        @Description("Who wrote it") String author,
        @NonNull Instant createdAt,
        @Description("The day by which the responsible units answer; null when no answer is asked") LocalDate answerBy,
        @NonNull InstructionState state,
        @Ignore long taskId) {

    /** Its columns, and whether every unit responsible for the task now has answered it. */
    static final String COLUMNS = "i.id, i.task_id, i.body, i.created_at, i.answer_by,"
            + " (select a.display_name from account a where a.id = i.account_id) as author,"
            + " not exists (select 1 from task_unit tu where tu.task_id = i.task_id and not exists (select 1 from instruction_answer x"
            + "   where x.instruction_id = i.id and x.unit_id = tu.unit_id)) as all_answered";

    /** The state as SQL, for filters: {@code today} the parameter holding today's date. */
    static String stateSql(String today) {
        return "case when i.answer_by is null then 'NO_ANSWER_ASKED' when not exists (select 1 from task_unit tu"
                + " where tu.task_id = i.task_id and not exists (select 1 from instruction_answer x where x.instruction_id = i.id"
                + " and x.unit_id = tu.unit_id)) then 'ANSWERED' when i.answer_by < " + today + " then 'OVERDUE' else 'AWAITING' end";
    }

    static Instruction from(Row row, LocalDate today) {
        LocalDate answerBy = row.getLocalDate("answer_by");
        InstructionState state = answerBy == null ? InstructionState.NO_ANSWER_ASKED
                : row.getBoolean("all_answered") ? InstructionState.ANSWERED
                : answerBy.isBefore(today) ? InstructionState.OVERDUE : InstructionState.AWAITING;
        return new Instruction(row.getLong("id"), row.getString("body"), row.getString("author"),
                row.getOffsetDateTime("created_at").toInstant(), answerBy, state, row.getLong("task_id"));
    }
}
