package org.duban.common.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/**
 * The connections Duban opens itself (the scheduler's pool, the LISTEN connection) read the datasource URL and TLS
 * settings in the forms Quarkus accepts for the service's pool.
 */
class DatabaseConnectionTest {

    @Test
    void takesTheFirstHostAndDropsQuarkusPrefix() {
        assertThat(DatabaseConnection.firstUri("postgresql://db:5432/duban")).isEqualTo("postgresql://db:5432/duban");
        assertThat(DatabaseConnection.firstUri("vertx-reactive:postgresql://db:5432/duban?sslmode=require"))
                .isEqualTo("postgresql://db:5432/duban?sslmode=require");
        assertThat(DatabaseConnection.firstUri("postgresql://a:5432/duban, postgresql://b:5432/duban"))
                .isEqualTo("postgresql://a:5432/duban");
    }

    @Test
    void connectsWithTheServicesTlsSettings() {
        PgConnectOptions verified = new PgConnectOptions();
        new DatabaseTls(Optional.of("verify-full"), false, Optional.of(List.of("/etc/duban/db-ca.pem")), "HTTPS").applyTo(verified);
        assertThat(verified.getSslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(verified.isTrustAll()).isFalse();
        assertThat(((PemTrustOptions) verified.getTrustOptions()).getCertPaths()).containsExactly("/etc/duban/db-ca.pem");
        assertThat(verified.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");

        PgConnectOptions trusting = new PgConnectOptions();
        new DatabaseTls(Optional.of("REQUIRE"), true, Optional.empty(), "NONE").applyTo(trusting);
        assertThat(trusting.getSslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(trusting.isTrustAll()).isTrue();
        assertThat(trusting.getHostnameVerificationAlgorithm()).isEmpty();

        PgConnectOptions fromUrl = PgConnectOptions.fromUri("postgresql://db:5432/duban?sslmode=require");
        new DatabaseTls(Optional.empty(), false, Optional.empty(), "NONE").applyTo(fromUrl);
        assertThat(fromUrl.getSslMode()).as("the URL's mode when none is configured").isEqualTo(SslMode.REQUIRE);
    }
}
