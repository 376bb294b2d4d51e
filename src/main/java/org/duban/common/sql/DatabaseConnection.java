package org.duban.common.sql;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.pgclient.PgConnectOptions;

/**
 * How the connections Duban opens itself, outside the service's pool (the scheduler's pool, the LISTEN connection),
 * reach the service's database: its URL, account and TLS settings as Quarkus reads them for that pool.
 */
@ApplicationScoped
public class DatabaseConnection {

    private final String uri;
    private final Optional<String> user;
    private final Optional<String> password;
    private final DatabaseTls tls;

    DatabaseConnection(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.datasource.reactive.postgresql.ssl-mode") Optional<String> sslMode,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-all", defaultValue = "false") boolean trustAll,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-certificate-pem.certs") Optional<List<String>> trustedCertificates,
            @ConfigProperty(name = "quarkus.datasource.reactive.hostname-verification-algorithm", defaultValue = "NONE")
            String hostnameVerification) {
        this.uri = firstUri(url);
        this.user = user;
        this.password = password;
        this.tls = new DatabaseTls(sslMode, trustAll, trustedCertificates, hostnameVerification);
    }

    /** New options each time: callers add their own settings. */
    public PgConnectOptions options() {
        PgConnectOptions connect = PgConnectOptions.fromUri(uri);
        user.ifPresent(connect::setUser);
        password.ifPresent(connect::setPassword);
        tls.applyTo(connect);
        return connect;
    }

    /** The URL as Quarkus takes it: optionally prefixed by {@code vertx-reactive:}, several hosts separated by commas. */
    static String firstUri(String url) {
        return url.split(",")[0].strip().replaceFirst("^vertx-reactive:", "");
    }
}
