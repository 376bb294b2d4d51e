package org.duban.notify;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "duban.mail")
public interface MailSettings {

    /** Record mail in memory and log it instead of sending it (dev mode and tests). */
    @WithDefault("false")
    boolean mock();

    @WithDefault("duban@localhost")
    String from();

    @WithDefault("localhost")
    String host();

    @WithDefault("25")
    int port();

    Optional<String> username();

    Optional<String> password();

    /** DISABLED, OPTIONAL or REQUIRED. */
    @WithDefault("OPTIONAL")
    String startTls();

    /** Connect with TLS from the start (SMTPS, usually port 465). */
    @WithDefault("false")
    boolean ssl();
}
