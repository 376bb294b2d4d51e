package org.duban.supervision;

import java.util.List;

import org.duban.common.page.PageInfo;
import org.duban.common.page.Slice;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("InstructionConnection")
public record InstructionConnection(int totalCount, @NonNull List<@NonNull InstructionEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("InstructionEdge")
    public record InstructionEdge(@NonNull String cursor, @NonNull Instruction node) {
    }

    static InstructionConnection of(Slice<Instruction> slice) {
        return new InstructionConnection(slice.totalCount(),
                slice.items().stream().map(item -> new InstructionEdge(item.cursor(), item.node())).toList(), slice.pageInfo());
    }
}
