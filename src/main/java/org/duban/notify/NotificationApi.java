package org.duban.notify;

import java.util.List;

import jakarta.annotation.security.PermitAll;

import org.duban.access.Callers;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.graphql.Selections;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class NotificationApi {

    private final NotificationQueries queries;
    private final Notifications notifications;
    private final NotificationFeed feed;
    private final TaskQueries tasks;
    private final Callers callers;

    private final Context context;

    NotificationApi(NotificationQueries queries, Notifications notifications, NotificationFeed feed, TaskQueries tasks, Callers callers, Context context) {
        this.context = context;
        this.queries = queries;
        this.notifications = notifications;
        this.feed = feed;
        this.tasks = tasks;
        this.callers = callers;
    }

    @Query
    @Description("The signed-in account's notifications, newest first; only those of the given kinds when kinds is given.")
    public Uni<@NonNull NotificationConnection> myNotifications(Boolean unreadOnly, @Nullable List<@NonNull NotificationKind> kinds,
            Integer first, String after) {
        PageRequest page = PageRequest.of(first, after).counting(Selections.asks(context, "totalCount"));
        return account().chain(id -> queries.inbox(id, Boolean.TRUE.equals(unreadOnly), kinds, page));
    }

    @Mutation
    @Description("Marks the signed-in account's notifications read; ids of others' notifications are ignored. "
            + "Returns how many were unread.")
    public Uni<@NonNull Integer> markNotificationsRead(@NonNull List<@NonNull String> ids) {
        Long[] parsed = ids.stream().map(id -> Ids.parse(id, IdKind.NOTIFICATION)).toArray(Long[]::new);
        return account().chain(id -> notifications.markRead(id, parsed));
    }

    @Subscription
    @PermitAll // account() refuses with UNAUTHENTICATED, sent to the client as the event's error
    @Description("The signed-in account's notifications as they are written, by this or any other instance. Over "
            + "graphql-transport-ws on /graphql; send the token in connection_init: {\"Authorization\": \"Bearer …\"}.")
    // Nullable on purpose: SmallRye turns a failed stream (no token, say) into an event with null data, and a
    // non-null field would make graphql-java drop that event silently instead of sending its error.
    public Multi<Notification> notificationAdded() {
        return Multi.createFrom().uni(account())
                .onItem().transformToMultiAndConcatenate(account -> feed.forAccount(account)
                        .onItem().transformToUniAndConcatenate(a -> queries.byIds(account, new Long[] { a.notificationId() }))
                        .onItem().transformToIterable(found -> found));
    }

    @Description("The task the notification is about")
    public Uni<List<Task>> task(@Source List<Notification> notifications) {
        return tasks.byIds(Batches.keys(notifications, Notification::taskId))
                .map(found -> Batches.single(notifications, Notification::taskId, found, Task::id));
    }

    private Uni<Long> account() {
        return callers.current().map(caller -> {
            if (caller.accountId() == null) {
                throw new DubanException(ErrorCode.UNAUTHENTICATED, "Sign in to read notifications", null);
            }
            return caller.accountId();
        });
    }
}
