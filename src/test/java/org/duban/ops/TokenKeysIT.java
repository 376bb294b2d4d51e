package org.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.duban.devdb.EmbeddedPostgresServer;
import org.duban.support.PackagedService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The token keys passed the way a deployment passes them, to the packaged service: key files named by
 * {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} / {@code SMALLRYE_JWT_SIGN_KEY_LOCATION} (docker/compose.yml), and the
 * same pair inline in {@code MP_JWT_VERIFY_PUBLICKEY} / {@code SMALLRYE_JWT_SIGN_KEY} with its line breaks turned
 * into spaces, as secret stores and {@code $(cat …)} deliver them. Tokens issued by one instance are accepted by
 * the next request to it and to the other. Two instances without keys each generate their own pair, so neither
 * accepts the other's tokens: no key ships inside the package.
 */
class TokenKeysIT {

    private static final List<PackagedService> INSTANCES = new ArrayList<>();
    private static PackagedService fromFiles;
    private static PackagedService inline;
    private static PackagedService ephemeralOne;
    private static PackagedService ephemeralTwo;
    private static int database;
    private static Path publicFile;

    @BeforeAll
    static void startInstances() throws Exception {
        database = new EmbeddedPostgresServer().start("it-keys", null);
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + database + "/postgres",
                "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("drop schema public cascade; create schema public");
        }
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
        String privatePem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        Path keys = Files.createDirectories(Path.of("target", "it-keys"));
        publicFile = Files.writeString(keys.resolve("public.pem"), publicPem);
        Path privateFile = Files.writeString(keys.resolve("private.pem"), privatePem);

        // The first instance migrates the schema and loads the demo accounts; the others start on it.
        fromFiles = start("keys-from-files", database, Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicFile.toAbsolutePath().toString(),
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", privateFile.toAbsolutePath().toString()));
        fromFiles.awaitReady(Duration.ofSeconds(90));
        inline = start("keys-inline", database, Map.of(
                "MP_JWT_VERIFY_PUBLICKEY", publicPem.replace('\n', ' '),
                "SMALLRYE_JWT_SIGN_KEY", privatePem.replace('\n', ' ')));
        ephemeralOne = start("keys-none-1", database, Map.of());
        ephemeralTwo = start("keys-none-2", database, Map.of());
        for (PackagedService instance : List.of(inline, ephemeralOne, ephemeralTwo)) {
            instance.awaitReady(Duration.ofSeconds(90));
        }
    }

    @AfterAll
    static void stopInstances() throws InterruptedException {
        for (PackagedService instance : INSTANCES) {
            instance.close();
        }
    }

    @Test
    void keyFilesFromTheEnvironmentIssueTokensThatTheNextRequestAccepts() throws Exception {
        String token = login(fromFiles);
        assertThat(me(fromFiles, token)).isEqualTo("admin");
        assertThat(me(inline, token)).as("the instance with the same pair inline").isEqualTo("admin");
        assertThat(fromFiles.logText()).doesNotContain("No token keys configured", "SRJWT03007");
    }

    @Test
    void inlineKeysWithSpacesForLineBreaksSignAndVerify() throws Exception {
        String token = login(inline);
        assertThat(me(inline, token)).isEqualTo("admin");
        assertThat(me(fromFiles, token)).isEqualTo("admin");
        assertThat(inline.logText()).doesNotContain("No token keys configured", "SRJWT03007");
    }

    @Test
    void withoutKeysEachProcessHasItsOwnPairAndSaysSo() throws Exception {
        String one = login(ephemeralOne);
        String two = login(ephemeralTwo);
        assertThat(me(ephemeralOne, one)).isEqualTo("admin");
        assertThat(me(ephemeralTwo, two)).isEqualTo("admin");
        assertThat(meError(ephemeralTwo, one)).isEqualTo("UNAUTHENTICATED");
        assertThat(meError(ephemeralOne, two)).isEqualTo("UNAUTHENTICATED");
        assertThat(meError(fromFiles, one)).isEqualTo("UNAUTHENTICATED");
        assertThat(ephemeralOne.logText()).contains("No token keys configured");
    }

    @Test
    void halfAPairRefusesToStart() throws Exception {
        PackagedService publicOnly = start("keys-public-only", database, Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                publicFile.toAbsolutePath().toString()));
        assertThat(publicOnly.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("it stops").isTrue();
        assertThat(publicOnly.process().exitValue()).isNotZero();
        assertThat(publicOnly.logText()).contains("Only the public (verify) token key is configured");
    }

    @Test
    void thePackageCarriesNoKey() throws IOException {
        try (InputStream jar = Files.newInputStream(Path.of("target/quarkus-app/quarkus/generated-bytecode.jar"));
                ZipInputStream entries = new ZipInputStream(jar)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                String bytes = new String(entries.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(entry.getName()).doesNotContain("PRIVATE KEY-----", "PUBLIC KEY-----");
            }
        }
    }

    private static PackagedService start(String name, int database, Map<String, String> environment) throws IOException {
        PackagedService instance = PackagedService.start(name, database, PackagedService.freePort(), environment,
                "-Dduban.demo.enabled=true", "-Dduban.reminders.every=off");
        INSTANCES.add(instance);
        return instance;
    }

    private static String login(PackagedService instance) throws Exception {
        JsonNode answer = instance.graphql(null, "mutation { login(username: \"admin\", password: \"demo\") { token } }");
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        return answer.at("/data/login/token").asText();
    }

    private static String me(PackagedService instance, String token) throws Exception {
        JsonNode answer = instance.graphql(token, "{ me { username } }");
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        return answer.at("/data/me/username").asText();
    }

    private static String meError(PackagedService instance, String token) throws Exception {
        return instance.graphql(token, "{ me { username } }").at("/errors/0/extensions/code").asText();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
