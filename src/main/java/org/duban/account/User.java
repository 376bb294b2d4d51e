package org.duban.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("User")
@Description("An account that signs in to Duban.")
public record User(
        @Id @GlobalId(IdKind.ACCOUNT) long id,
        @NonNull String username,
        @NonNull String displayName,
        @NonNull List<@NonNull String> roles,
        String email,
        String mobile,
        @Description("A disabled account cannot sign in, and its tokens stopped working when it was disabled") boolean enabled,
        @Description("Set while repeated failed logins keep the account locked") Instant lockedUntil,
        @Ignore Long unitId) {

    static final String COLUMNS = "a.id, a.username, a.display_name, a.roles, a.email, a.mobile, a.enabled, a.locked_until, a.unit_id";

    static User from(Row row) {
        OffsetDateTime lockedUntil = row.getOffsetDateTime("locked_until");
        return new User(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                Arrays.asList(row.getArrayOfStrings("roles")), row.getString("email"), row.getString("mobile"),
                row.getBoolean("enabled"), lockedUntil == null ? null : lockedUntil.toInstant(), row.getLong("unit_id"));
    }
}
