package org.duban.common.page;

import org.eclipse.microprofile.graphql.Description;

@Description("Relay-style page information. Pass endCursor as `after` to get the next page.")
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
