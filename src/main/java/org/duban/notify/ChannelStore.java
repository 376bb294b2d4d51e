package org.duban.notify;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** A unit's webhook and e-mail channels; the one writer of {@code unit_channel}. Empty for a unit that does not exist. */
@ApplicationScoped
public class ChannelStore {

    private static final String COLUMNS = "u.id, c.webhook_url, coalesce(c.webhook_format, 'DUBAN') as webhook_format,"
            + " c.webhook_secret is not null as secret_set, c.email";

    private final Pool pool;
    private final AuditTrail audit;
    private final Clock clock;

    ChannelStore(Pool pool, AuditTrail audit, Clock clock) {
        this.pool = pool;
        this.audit = audit;
        this.clock = clock;
    }

    /** The channels of the unit, if it is of one of the regions given. */
    public Uni<Optional<UnitChannels>> of(long unitId, Long[] regions) {
        return pool.preparedQuery("select " + COLUMNS + " from unit u left join unit_channel c on c.unit_id = u.id"
                + " where u.id = $1 and u.region_id = any ($2)")
                .execute(Tuple.of(unitId, regions))
                .map(ChannelStore::channels);
    }

    /** Sets (validated) channels of the unit; messages written from then on use them. */
    public Uni<Optional<UnitChannels>> set(long unitId, String webhookUrl, String webhookSecret, WebhookFormat format, String email) {
        return audit.withTransaction(connection -> connection.preparedQuery("with target as (select id from unit where id = $1 and region_writable(region_id)),"
                + " saved as (insert into unit_channel (unit_id, webhook_url, webhook_secret, webhook_format, email, updated_at)"
                + " select id, $2, $3, $4, $5, $6 from target on conflict (unit_id) do update set webhook_url = excluded.webhook_url,"
                + " webhook_secret = excluded.webhook_secret, webhook_format = excluded.webhook_format, email = excluded.email,"
                + " updated_at = excluded.updated_at returning *)"
                + " select s.unit_id as id, s.webhook_url, s.webhook_format, s.webhook_secret is not null as secret_set, s.email from saved s")
                .execute(Tuple.from(new Object[] { unitId, webhookUrl, webhookSecret, format.name(), email,
                        clock.instant().atOffset(ZoneOffset.UTC) })))
                .map(ChannelStore::channels);
    }

    private static Optional<UnitChannels> channels(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new UnitChannels(String.valueOf(row.getLong("id")), row.getString("webhook_url"),
                WebhookFormat.valueOf(row.getString("webhook_format")), row.getBoolean("secret_set"), row.getString("email")));
    }
}
