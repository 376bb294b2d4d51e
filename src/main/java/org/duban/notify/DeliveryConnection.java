package org.duban.notify;

import java.util.List;

import org.duban.common.page.PageInfo;
import org.duban.common.page.Slice;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("DeliveryConnection")
public record DeliveryConnection(int totalCount, @NonNull List<@NonNull DeliveryEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("DeliveryEdge")
    public record DeliveryEdge(@NonNull String cursor, @NonNull Delivery node) {
    }

    static DeliveryConnection of(Slice<Delivery> slice) {
        return new DeliveryConnection(slice.totalCount(),
                slice.items().stream().map(item -> new DeliveryEdge(item.cursor(), item.node())).toList(), slice.pageInfo());
    }
}
