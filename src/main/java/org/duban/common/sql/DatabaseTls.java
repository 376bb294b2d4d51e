package org.duban.common.sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/**
 * The TLS settings of the service's datasource (quarkus.datasource.reactive.*), which the connections Duban opens
 * itself must share: against a server that takes only TLS, one made from the URL alone could not connect, and no
 * reminder would go out (the scheduler's pool) or no other instance's news arrive (the LISTEN connection) while
 * requests were answered. JKS and PFX stores and client certificates are not read: a deployment that needs them
 * states its mode in the URL or gives PEM files.
 */
record DatabaseTls(Optional<String> sslMode, boolean trustAll, Optional<List<String>> trustedCertificates,
        String hostnameVerification) {

    void applyTo(PgConnectOptions connect) {
        sslMode.ifPresent(mode -> connect.setSslMode(SslMode.of(mode.toLowerCase(Locale.ROOT).replace('_', '-'))));
        connect.setTrustAll(trustAll);
        trustedCertificates.filter(paths -> !paths.isEmpty()).ifPresent(paths -> {
            PemTrustOptions pem = new PemTrustOptions();
            paths.forEach(pem::addCertPath);
            connect.setPemTrustOptions(pem);
        });
        // Quarkus' "NONE" is Vert.x's empty algorithm: no check of the host name against the certificate.
        connect.setHostnameVerificationAlgorithm(hostnameVerification.equalsIgnoreCase("NONE") ? "" : hostnameVerification);
    }
}
