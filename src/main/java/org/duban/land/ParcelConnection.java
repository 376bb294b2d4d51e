package org.duban.land;

import java.util.List;

import org.duban.common.page.PageInfo;
import org.duban.common.page.Slice;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ParcelConnection")
public record ParcelConnection(int totalCount, @NonNull List<@NonNull ParcelEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("ParcelEdge")
    public record ParcelEdge(@NonNull String cursor, @NonNull Parcel node) {
    }

    static ParcelConnection of(Slice<Parcel> slice) {
        return new ParcelConnection(slice.totalCount(),
                slice.items().stream().map(item -> new ParcelEdge(item.cursor(), item.node())).toList(), slice.pageInfo());
    }
}
