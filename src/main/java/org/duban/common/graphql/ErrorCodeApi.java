package org.duban.common.graphql;

import java.util.List;

import org.duban.common.ErrorCode;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class ErrorCodeApi {

    @Query
    @Description("Every code that extensions.code of an error may carry.")
    public Uni<@NonNull List<@NonNull ErrorCode>> errorCodes() {
        return Uni.createFrom().item(List.of(ErrorCode.values()));
    }
}
