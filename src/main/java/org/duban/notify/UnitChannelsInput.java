package org.duban.notify;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("UnitChannelsInput")
@Description("A unit's channels; every field replaces what was set, and a missing one removes it.")
public record UnitChannelsInput(
        @Size(max = 1000) @Description("http or https; for WeCom and DingTalk the robot's webhook address") String webhookUrl,
        @Size(max = 200) @Description("Signs Duban webhooks (HMAC-SHA256) and DingTalk robot calls") String webhookSecret,
        @Description("DUBAN unless said") WebhookFormat webhookFormat,
        @Size(max = 254) String email) {
}
