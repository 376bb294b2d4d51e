package org.duban.notify;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;

/** Reminder e-mail through the configured SMTP server, or into the {@link RecordingMailbox} in dev mode and tests. */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    private final MailSettings settings;
    private final RecordingMailbox mailbox;
    private final Vertx vertx;
    private MailClient client;

    EmailSender(MailSettings settings, RecordingMailbox mailbox, Vertx vertx) {
        this.settings = settings;
        this.mailbox = mailbox;
        this.vertx = vertx;
    }

    public Uni<Void> send(Outgoing message) {
        if (settings.mock()) {
            mailbox.add(new RecordingMailbox.SentMail(message.target(), message.subject(), message.text(), message.id().toString()));
            LOG.debugf("Mail (not sent, duban.mail.mock) to %s: %s", message.target(), message.subject());
            return Uni.createFrom().voidItem();
        }
        MailMessage mail = new MailMessage().setFrom(settings.from()).setTo(message.target())
                .setSubject(message.subject()).setText(message.text());
        mail.addHeader(WebhookSender.DELIVERY_HEADER, message.id().toString());
        return client().sendMail(mail)
                .onFailure().transform(e -> new DeliveryFailure("mail refused: " + e.getMessage()))
                .replaceWithVoid();
    }

    private synchronized MailClient client() {
        if (client == null) {
            MailConfig config = new MailConfig().setHostname(settings.host()).setPort(settings.port())
                    .setStarttls(StartTLSOptions.valueOf(settings.startTls())).setSsl(settings.ssl());
            settings.username().ifPresent(config::setUsername);
            settings.password().ifPresent(config::setPassword);
            client = MailClient.createShared(vertx, config, "duban");
        }
        return client;
    }
}
