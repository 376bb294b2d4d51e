package org.duban.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

@Type("AuditEntry")
@Description("One row changed by one mutation (留痕): who, when, which operation, which object, before and after.")
public record AuditEntry(
        @Id @GlobalId(IdKind.AUDIT_ENTRY) long id,
        @NonNull Instant at,
        @Id @GlobalId(IdKind.ACCOUNT) @Description("The account that ran the mutation") String actorId,
        @Description("Its username at the time") String actorName,
        @NonNull @Description("The GraphQL mutation, e.g. updateTask") String operation,
        @NonNull @Description("INSERT, UPDATE or DELETE") String action,
        @NonNull @Description("What changed, e.g. Task, TaskAssignment, Parcel, User") String entityType,
        @NonNull @Description("The object's global id; for a row of several keys (an assignment, an outcome), its keys")
        String entityId,
        @Description("The row before the change, as JSON text (database column names); null for INSERT") String before,
        @Description("The row after the change, as JSON text; null for DELETE") String after,
        @Ignore Long taskId) {

    static final String COLUMNS = "l.id, l.at, l.actor_id, l.actor_name, l.operation, l.action, l.entity_type, l.entity_id,"
            + " l.task_id, l.before, l.after";

    /** Where the audit triggers name a table otherwise than its API type does. */
    private static final Map<String, IdKind> AUDIT_NAMES = Map.of("Quota", IdKind.QUOTA, "PlanProblem", IdKind.PROBLEM,
            "TaskStatusChange", IdKind.STATUS_CHANGE, "UnitChannels", IdKind.UNIT);

    private static String entityId(String entityType, String rowKey) {
        if (rowKey.isEmpty() || !rowKey.chars().allMatch(Character::isDigit)) {
            return rowKey;
        }
        return Optional.ofNullable(AUDIT_NAMES.get(entityType)).or(() -> IdKind.ofTypeName(entityType))
                .map(kind -> Ids.of(kind, Long.parseLong(rowKey))).orElse(rowKey);
    }

    static AuditEntry from(Row row) {
        Long actor = row.getLong("actor_id");
        return new AuditEntry(row.getLong("id"), row.getOffsetDateTime("at").toInstant(), actor == null ? null : actor.toString(),
                row.getString("actor_name"), row.getString("operation"), row.getString("action"), row.getString("entity_type"),
                entityId(row.getString("entity_type"), row.getString("entity_id")), json(row, "before"), json(row, "after"), row.getLong("task_id"));
    }

    private static String json(Row row, String column) {
        Object value = row.getValue(column);
        return value == null ? null : value instanceof JsonObject object ? object.encode() : value.toString();
    }
}
