package org.duban.supervision;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("InstructionAnswer")
@Description("A responsible unit's answer to a leader's instruction (落实情况), with its evidence.")
public record InstructionAnswer(
        @Id @GlobalId(IdKind.INSTRUCTION_ANSWER) long id,
        @NonNull String text,
        @NonNull @Id @GlobalId(IdKind.EVIDENCE) @Description("Evidence of the task the answer points to") List<@NonNull String> evidenceIds,
        @NonNull Instant answeredAt,
        @Description("The account that answered") String answeredBy,
        @Ignore long instructionId,
        @Ignore long unitId) {

    static final String COLUMNS = "x.id, x.instruction_id, x.unit_id, x.body, x.evidence_ids, x.answered_at,"
            + " (select a.username from account a where a.id = x.account_id) as answered_by";

    static InstructionAnswer from(Row row) {
        return new InstructionAnswer(row.getLong("id"), row.getString("body"),
                Arrays.stream(row.getArrayOfLongs("evidence_ids")).map(String::valueOf).toList(),
                row.getOffsetDateTime("answered_at").toInstant(), row.getString("answered_by"), row.getLong("instruction_id"),
                row.getLong("unit_id"));
    }
}
