package org.duban.mywork;

import java.util.List;

import org.duban.common.page.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AssignmentConnection")
public record AssignmentConnection(int totalCount, @NonNull List<@NonNull AssignmentEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("AssignmentEdge")
    public record AssignmentEdge(@NonNull String cursor, @NonNull Assignment node) {
    }
}
