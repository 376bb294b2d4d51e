package org.duban.plan;

import java.util.List;

import org.duban.audit.AuditEntry;
import org.duban.audit.AuditQueries;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Task.history: the audit trail of one task, for whoever may see the task. */
@GraphQLApi
@Authenticated
public class TaskHistoryApi {

    private final AuditQueries audit;

    TaskHistoryApi(AuditQueries audit) {
        this.audit = audit;
    }

    @NonNull
    @Description("The task's change history, newest first: the task, its assignments, checklist, status and measures.")
    public Uni<List<List<@NonNull AuditEntry>>> history(@Source List<Task> tasks, @DefaultValue("20") int last) {
        PageRequest.requireLast(last);
        return audit.latestOfTasks(Batches.keys(tasks, Task::id), last)
                .map(found -> Batches.grouped(tasks, Task::id, found, AuditEntry::taskId));
    }
}
