package org.duban.notify;

import java.util.List;

import org.duban.access.Callers;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Who got and who read the messages about a task: for the office and leaders. */
@GraphQLApi
@Authenticated
public class SentMessageApi {

    private final SentMessageQueries queries;
    private final Callers callers;

    SentMessageApi(SentMessageQueries queries, Callers callers) {
        this.queries = queries;
        this.callers = callers;
    }

    @NonNull
    @Description("The newest messages about the task (reminders, urgings, notices of moves), each with its receipts: per "
            + "account when it was delivered in the app and when read, per webhook and e-mail the delivery's outcome. For ADMIN "
            + "and LEADER (a task they see is one of a region they oversee); empty for anyone else.")
    public Uni<List<List<@NonNull SentMessage>>> messages(@Source List<Task> tasks, @DefaultValue("20") int last) {
        int limit = PageRequest.requireLast(last);
        return callers.current().chain(caller -> !caller.overseesAny()
                ? Uni.createFrom().item(tasks.stream().map(t -> List.<SentMessage>of()).toList())
                : queries.ofTasks(Batches.keys(tasks, Task::id), limit)
                        .map(found -> Batches.grouped(tasks, Task::id, found, SentMessage::taskId)));
    }
}
