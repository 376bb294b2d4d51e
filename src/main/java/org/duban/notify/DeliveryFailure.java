package org.duban.notify;

/** A delivery attempt that failed in a way worth retrying; the message is kept as the delivery's last error. */
class DeliveryFailure extends RuntimeException {

    DeliveryFailure(String message) {
        super(message, null, false, false);
    }
}
