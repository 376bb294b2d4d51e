package org.duban.reminder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Readable names of reminder recipients, for any number of them in one statement. */
@ApplicationScoped
public class RecipientNames {

    private final Pool pool;

    RecipientNames(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<String>> of(List<Recipient> recipients) {
        List<Long> units = new ArrayList<>();
        List<Long> accounts = new ArrayList<>();
        List<Long> sets = new ArrayList<>();
        for (Recipient r : recipients) {
            switch (r.kind()) {
                case UNIT -> units.add(r.id());
                case ACCOUNT -> accounts.add(r.id());
                case SET -> sets.add(r.id());
                case TASK -> { }
            }
        }
        return pool.preparedQuery("select 'unit:' || id as key, name from unit where id = any($1)"
                + " union all select 'account:' || id, display_name from account where id = any($2)"
                + " union all select 'set:' || id, name || '（无成员）' from unit_set where id = any($3)")
                .execute(Tuple.of(units.toArray(new Long[0]), accounts.toArray(new Long[0]), sets.toArray(new Long[0])))
                .map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    for (Row row : rows) {
                        names.put(row.getString("key"), row.getString("name"));
                    }
                    return recipients.stream()
                            .map(r -> r.kind() == Recipient.Kind.TASK ? "（未指定责任单位）" : names.getOrDefault(r.key(), r.key()))
                            .toList();
                });
    }
}
