package org.duban.devdb;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;

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

    /**
     * Found through ServiceLoader rather than named: zonky is a provided-scope dependency, absent from the
     * production classpath, and a native build (always prod) registers no such provider, so the server
     * class stays out of the image's analysis.
     */
    private static int startServer(String profile, String dataDir) {
        EmbeddedDatabase database = ServiceLoader
                .load(EmbeddedDatabase.class, EmbeddedPostgresConfigSourceFactory.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No datasource URL is configured and no embedded "
                        + "PostgreSQL is available. Set QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL."));
        try {
            return database.start(profile, dataDir);
        } catch (IOException | LinkageError e) {
            throw new IllegalStateException("No datasource URL is configured and the embedded PostgreSQL could not "
                    + "start: " + e.getMessage(), e);
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
