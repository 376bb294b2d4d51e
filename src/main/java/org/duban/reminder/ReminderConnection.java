package org.duban.reminder;

import java.util.List;

import org.duban.common.page.PageInfo;
import org.duban.common.page.Slice;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ReminderConnection")
public record ReminderConnection(int totalCount, @NonNull List<@NonNull ReminderEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("ReminderEdge")
    public record ReminderEdge(@NonNull String cursor, @NonNull WrittenReminder node) {
    }

    static ReminderConnection of(Slice<WrittenReminder> slice) {
        return new ReminderConnection(slice.totalCount(),
                slice.items().stream().map(item -> new ReminderEdge(item.cursor(), item.node())).toList(), slice.pageInfo());
    }
}
