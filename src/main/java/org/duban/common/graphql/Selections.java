package org.duban.common.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

/** What the client selected under the field being fetched. */
public final class Selections {

    private Selections() {
    }

    /** Whether the field's selection holds {@code field} (true when that cannot be told). */
    public static boolean asks(Context context, String field) {
        DataFetchingEnvironment environment = context.unwrap(DataFetchingEnvironment.class);
        return environment == null || environment.getSelectionSet().contains(field);
    }
}
