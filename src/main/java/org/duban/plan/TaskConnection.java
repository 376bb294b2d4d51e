package org.duban.plan;

import java.util.List;

import org.duban.common.page.PageInfo;
import org.duban.common.page.Slice;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TaskConnection")
public record TaskConnection(
        @Description("All tasks matching, on every page") int totalCount,
        @NonNull List<@NonNull TaskEdge> edges,
        @NonNull PageInfo pageInfo) {

    @Type("TaskEdge")
    public record TaskEdge(@NonNull String cursor, @NonNull Task node) {
    }

    static TaskConnection of(Slice<Task> slice) {
        return new TaskConnection(slice.totalCount(),
                slice.items().stream().map(item -> new TaskEdge(item.cursor(), item.node())).toList(), slice.pageInfo());
    }
}
