package org.duban.notify;

import static org.duban.common.Text.blankToNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.access.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

@GraphQLApi
@Authenticated
public class ChannelApi {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String COLUMNS = "u.id, c.webhook_url, coalesce(c.webhook_format, 'DUBAN') as webhook_format,"
            + " c.webhook_secret is not null as secret_set, c.email";

    private final Pool pool;
    private final AuditTrail audit;
    private final InputValidator validator;
    private final Clock clock;

    ChannelApi(Pool pool, AuditTrail audit, InputValidator validator, Clock clock) {
        this.pool = pool;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Query
    @RolesAllowed({ Roles.ADMIN, Roles.LEADER })
    @Description("A unit's reminder channels (ADMIN, LEADER).")
    public Uni<@NonNull UnitChannels> unitChannels(@NonNull @Id String unitId) {
        long id = Ids.parse(unitId, "Unit");
        return pool.preparedQuery("select " + COLUMNS + " from unit u left join unit_channel c on c.unit_id = u.id where u.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> channels(rows, unitId));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Sets where a unit's reminders go (ADMIN): a webhook (Duban JSON, WeCom or DingTalk robot) and an e-mail "
            + "address. Reminders written from then on use them.")
    @Name("setUnitChannels")
    public Uni<@NonNull UnitChannels> setUnitChannels(@NonNull @Id String unitId, @NonNull UnitChannelsInput input) {
        validator.check("input", input);
        long id = Ids.parse(unitId, "Unit");
        String url = blankToNull(input.webhookUrl());
        String secret = blankToNull(input.webhookSecret());
        String email = blankToNull(input.email());
        if (url != null) {
            requireHttpUrl(url.strip());
        }
        if (email != null && !EMAIL.matcher(email.strip()).matches()) {
            throw DubanException.validation("input.email", "not an e-mail address: " + email);
        }
        if (secret != null && url == null) {
            throw DubanException.validation("input.webhookSecret", "a secret without a webhookUrl signs nothing");
        }
        WebhookFormat format = input.webhookFormat() == null ? WebhookFormat.DUBAN : input.webhookFormat();
        return audit.withTransaction(connection -> connection.preparedQuery("with target as (select id from unit where id = $1),"
                + " saved as (insert into unit_channel (unit_id, webhook_url, webhook_secret, webhook_format, email, updated_at)"
                + " select id, $2, $3, $4, $5, $6 from target on conflict (unit_id) do update set webhook_url = excluded.webhook_url,"
                + " webhook_secret = excluded.webhook_secret, webhook_format = excluded.webhook_format, email = excluded.email,"
                + " updated_at = excluded.updated_at returning *)"
                + " select s.unit_id as id, s.webhook_url, s.webhook_format, s.webhook_secret is not null as secret_set, s.email from saved s")
                .execute(Tuple.from(new Object[] { id, url == null ? null : url.strip(), secret, format.name(),
                        email == null ? null : email.strip(), clock.instant().atOffset(ZoneOffset.UTC) })))
                .map(rows -> channels(rows, unitId));
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw DubanException.validation("input.webhookUrl", "not an http or https address: " + url);
    }

    private static UnitChannels channels(RowSet<Row> rows, String unitId) {
        if (rows.size() == 0) {
            throw DubanException.notFound("Unit", unitId);
        }
        Row row = rows.iterator().next();
        return new UnitChannels(String.valueOf(row.getLong("id")), row.getString("webhook_url"),
                WebhookFormat.valueOf(row.getString("webhook_format")), row.getBoolean("secret_set"), row.getString("email"));
    }
}
