package org.duban.notify;

import java.util.List;

import org.duban.common.page.PageInfo;
import org.duban.common.page.Slice;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("NotificationConnection")
public record NotificationConnection(int totalCount, @NonNull List<@NonNull NotificationEdge> edges,
        @NonNull PageInfo pageInfo) {

    @Type("NotificationEdge")
    public record NotificationEdge(@NonNull String cursor, @NonNull Notification node) {
    }

    static NotificationConnection of(Slice<Notification> slice) {
        return new NotificationConnection(slice.totalCount(),
                slice.items().stream().map(item -> new NotificationEdge(item.cursor(), item.node())).toList(),
                slice.pageInfo());
    }
}
