package org.duban.urging;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Urging")
@Description("An urging (催办) of a unit about a task or one of its milestones: who urged, when, how, whom it reached and "
        + "what was answered.")
public record Urging(
        @Id @GlobalId(IdKind.URGING) @Description("Null for an automatic urging, which is a reminder") String id,
        @NonNull UrgingChannel channel,
        @Description("The milestone urged about; null for the task") String milestone,
        @Description("What the office said or wrote") String message,
        @Description("The person reached, for a recorded urging") String personReached,
        @Description("What the unit answered; null while it has not") String answer,
        @NonNull Instant urgedAt,
        @Description("The account that urged; null for an automatic urging") String urgedBy,
        @Ignore long taskId,
        @Ignore long unitId) {

    /** The office's urgings and the ladder's automatic ones (reminders of kind URGING to a unit), as one row shape. */
    static final String UNION = "select u.id::text as id, u.channel, m.title as milestone, u.message, u.person_reached, u.answer,"
            + " u.urged_at, a.username as urged_by, u.task_id, u.unit_id from urging u left join task_milestone m on m.id = u.milestone_id"
            + " left join account a on a.id = u.account_id where %1$s"
            + " union all select null, 'AUTOMATIC', null, r.body, null, null, r.remind_at, null, r.task_id, r.unit_id from reminder r"
            + " where r.kind = 'URGING' and r.unit_id is not null and %2$s";

    static Urging from(Row row) {
        OffsetDateTime at = row.getOffsetDateTime("urged_at");
        return new Urging(row.getString("id"), UrgingChannel.valueOf(row.getString("channel")), row.getString("milestone"),
                row.getString("message"), row.getString("person_reached"), row.getString("answer"), at.toInstant(),
                row.getString("urged_by"), row.getLong("task_id"), row.getLong("unit_id"));
    }
}
