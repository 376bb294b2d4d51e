package org.duban.common.page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Row;

/**
 * One page read by a keyset query that fetched {@code first + 1} rows and a {@code total_count} column (null, read as 0,
 * when the total was not asked for),
 * with a row of nulls but the total when the page is empty. The connection types of the API wrap it.
 */
public record Slice<N>(int totalCount, List<Item<N>> items, PageInfo pageInfo) {

    public record Item<N>(String cursor, N node) {
    }

    public static <N> Slice<N> of(Iterable<Row> rows, PageRequest page, Function<Row, N> node, Function<Row, String> cursor) {
        int total = 0;
        List<Item<N>> items = new ArrayList<>();
        boolean more = false;
        for (Row row : rows) {
            Integer counted = row.getInteger("total_count");
            total = counted == null ? 0 : counted;
            if (row.getValue("id") == null) {
                continue;
            }
            if (items.size() == page.first()) {
                more = true;
                break;
            }
            items.add(new Item<>(cursor.apply(row), node.apply(row)));
        }
        PageInfo info = new PageInfo(more, page.after() != null,
                items.isEmpty() ? null : items.get(0).cursor(),
                items.isEmpty() ? null : items.get(items.size() - 1).cursor());
        return new Slice<>(total, items, info);
    }
}
