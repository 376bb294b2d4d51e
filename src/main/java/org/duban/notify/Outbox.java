package org.duban.notify;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The one way a message goes out: written messages (reminders, notices), whose text {@link MessageText} made,
 * become an in-app notification for every enabled account they reach and a pending delivery for every webhook
 * and e-mail address, in the writer's transaction. Any number of calls for the same messages write each once.
 */
@ApplicationScoped
public class Outbox {

    /** Where written messages live, and whom they reach: a unit's accounts and channels, or one account. */
    public enum Source {
        REMINDER("reminder", "reminder_id", "m.account_id", "(account_id, reminder_id)"),
        NOTICE("notice", "notice_id", "m.account_id", "(account_id, notice_id) where notice_id is not null");

        final String table;
        final String reference;
        final String account;
        /** The unique index that keeps one notification per account and message. */
        final String oneNotificationPerAccount;

        Source(String table, String reference, String account, String oneNotificationPerAccount) {
            this.table = table;
            this.reference = reference;
            this.account = account;
            this.oneNotificationPerAccount = oneNotificationPerAccount;
        }

        /**
         * The messages whose ids are {@code $1}, as alias {@code m}: a join on the ids, not {@code m.id = any($1)}, which
         * PostgreSQL's first plans of a connection read by scanning the whole table (5,000 ids among 60,000 reminders: 330 ms a
         * chunk of the 09:00 run, where the key lookups take 5).
         */
        String given() {
            return "unnest($1::bigint[]) as given(id) join " + table + " m on m.id = given.id";
        }

        /**
         * The enabled accounts a message {@code m} of this source reaches, as alias {@code a}: the unit's, the one it is
         * addressed to, and the people the unit named for the task (责任到人); a union of index lookups, where a join on
         * "unit or account" read every account once per message.
         */
        String reachedAccounts() {
            return "cross join lateral (select id from account where enabled and unit_id = m.unit_id"
                    + " union select id from account where enabled and id = " + account
                    + " union select p.account_id from task_person p join account pa on pa.id = p.account_id and pa.enabled"
                    + "   where p.task_id = m.task_id and p.unit_id = m.unit_id) a";
        }
    }

    /**
     * The kinds of message that go by the app first and follow up by the unit's other channels only while unread
     * ({@code duban.delivery.follow-up-after}): reminders, urgings and what stands in for them.
     */
    static final String FOLLOW_UP_KINDS = "('BEFORE_DEADLINE', 'DUE_TODAY', 'OVERDUE', 'ESCALATION', 'URGING',"
            + " 'SIGN_OVERDUE', 'INSTRUCTION_DUE', 'OVERDUE_DIGEST', 'SUPERVISION_NOTICE_DUE')";

    /**
     * Whether a message to the unit and account in these columns would reach nobody: no enabled account of the unit,
     * the account not enabled, no person the unit named for the task with an enabled account, and no channel of the unit. Said beside {@link Source#reachedAccounts} and the
     * deliveries' targets, so that a writer can mark such a message as it inserts it instead of updating it after.
     */
    public static String reachesNobody(String taskColumn, String unitColumn, String accountColumn) {
        return "(not exists (select 1 from account where enabled and unit_id = " + unitColumn + ")"
                + " and not exists (select 1 from account where enabled and id = " + accountColumn + ")"
                + " and not exists (select 1 from task_person p join account pa on pa.id = p.account_id and pa.enabled"
                + "   where p.task_id = " + taskColumn + " and p.unit_id = " + unitColumn + ")"
                + " and not exists (select 1 from unit_delivery_target where unit_id = " + unitColumn + "))";
    }

    private final Notifications notifications;
    private final Deliveries deliveries;

    Outbox(Notifications notifications, Deliveries deliveries) {
        this.notifications = notifications;
        this.deliveries = deliveries;
    }

    /** Sends the messages of {@code source} with these ids; returns the in-app notifications written. */
    public Uni<Integer> send(SqlConnection connection, Source source, Long[] ids, Instant now) {
        if (ids.length == 0) {
            return Uni.createFrom().item(0);
        }
        return notifications.write(connection, source, ids, now)
                .call(() -> deliveries.queue(connection, source, ids, now));
    }
}
