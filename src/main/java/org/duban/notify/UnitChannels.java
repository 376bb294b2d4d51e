package org.duban.notify;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("UnitChannels")
@Description("Where a unit's reminders go besides its accounts' in-app inboxes and e-mail addresses.")
public record UnitChannels(
        @NonNull @Id @GlobalId(IdKind.UNIT) String unitId,
        String webhookUrl,
        @NonNull WebhookFormat webhookFormat,
        @Description("Whether a webhook secret is set; the secret itself is never shown") boolean webhookSecretSet,
        String email) {
}
