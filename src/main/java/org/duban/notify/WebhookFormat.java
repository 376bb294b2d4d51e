package org.duban.notify;

import org.eclipse.microprofile.graphql.Description;

public enum WebhookFormat {
    @Description("Duban's JSON event, signed with HMAC-SHA256 in X-Duban-Signature")
    DUBAN,
    @Description("A WeCom (企业微信) group robot text message; the robot's key in the URL is its credential")
    WECOM,
    @Description("A DingTalk (钉钉) group robot text message, signed with the robot's timestamp and sign parameters")
    DINGTALK
}
