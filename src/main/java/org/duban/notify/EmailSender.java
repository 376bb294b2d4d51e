package org.duban.notify;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/** Reminder e-mail through the configured SMTP server (the mock mailer in dev mode and tests). */
@ApplicationScoped
public class EmailSender {

    private final ReactiveMailer mailer;

    EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    public Uni<Void> send(Outgoing message) {
        Mail mail = Mail.withText(message.target(), message.subject(), message.text())
                .addHeader(WebhookSender.DELIVERY_HEADER, message.id().toString());
        return mailer.send(mail).onFailure().transform(e -> new DeliveryFailure("mail refused: " + e.getMessage()));
    }
}
