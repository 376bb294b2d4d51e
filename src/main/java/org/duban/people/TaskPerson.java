package org.duban.people;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("TaskPerson")
@Description("A person a responsible unit named for its part of a task. With an account, the task's reminders and notices "
        + "to the unit reach that account too.")
public record TaskPerson(
        @NonNull PersonRole role,
        @NonNull String name,
        @Description("Post, e.g. 副局长") String title,
        @Description("The person's account in Duban, if any") @Id @GlobalId(IdKind.ACCOUNT) String accountId,
        @Description("The account's username") String username,
        String mobile,
        @Ignore long taskId,
        @Ignore long unitId) {

    static final String COLUMNS = "p.task_id, p.unit_id, p.role, p.name, p.title, p.account_id, a.username, p.mobile";
    static final String FROM = " from task_person p left join account a on a.id = p.account_id";

    static TaskPerson from(Row row) {
        Long account = row.getLong("account_id");
        return new TaskPerson(PersonRole.valueOf(row.getString("role")), row.getString("name"), row.getString("title"),
                account == null ? null : account.toString(), row.getString("username"), row.getString("mobile"),
                row.getLong("task_id"), row.getLong("unit_id"));
    }
}
