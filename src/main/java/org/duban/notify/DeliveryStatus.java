package org.duban.notify;

import org.eclipse.microprofile.graphql.Description;

public enum DeliveryStatus {
    @Description("Waiting for its (next) attempt")
    PENDING,
    @Description("Claimed by an instance and being sent")
    SENDING,
    @Description("Accepted by the receiver")
    SENT,
    @Description("Failed every attempt; see lastError. An admin can retry it.")
    DEAD,
    @Description("Not sent: the task was submitted, suspended, signed off, deleted or rescheduled first, or (a follow-up) the message was read in the app")
    CANCELLED
}
