package org.duban.access;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AuthPayload")
public record AuthPayload(
        @NonNull @Description("Send it as Authorization: Bearer <token>") String token,
        @NonNull Instant expiresAt,
        @NonNull String username,
        @NonNull String displayName,
        @NonNull List<@NonNull String> roles) {
}
