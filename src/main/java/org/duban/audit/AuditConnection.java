package org.duban.audit;

import java.util.List;

import org.duban.common.page.PageInfo;
import org.duban.common.page.Slice;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AuditConnection")
public record AuditConnection(int totalCount, @NonNull List<@NonNull AuditEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("AuditEdge")
    public record AuditEdge(@NonNull String cursor, @NonNull AuditEntry node) {
    }

    static AuditConnection of(Slice<AuditEntry> slice) {
        return new AuditConnection(slice.totalCount(),
                slice.items().stream().map(item -> new AuditEdge(item.cursor(), item.node())).toList(), slice.pageInfo());
    }
}
