package org.duban.devdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Holds every reference to zonky, so that {@link EmbeddedPostgresConfigSourceFactory} loads without it.
 *
 * <p>One server per JVM and profile. The port lives in a String system property because the config
 * factory runs in several class loaders (augmentation, runtime, dev-mode reloads) that each see their own
 * copy of this class; anything but a String there has broken dev-mode start before.
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private EmbeddedPostgresServer() {
    }

    public static synchronized int port(String profile, String configuredDataDir) throws IOException {
        String portProperty = "duban.embedded-postgres." + profile + ".port";
        String known = System.getProperty(portProperty);
        if (known != null) {
            return Integer.parseInt(known);
        }
        Path dataDir = Path.of(Optional.ofNullable(configuredDataDir).orElse("target/embedded-postgres/" + profile))
                .toAbsolutePath();
        Files.createDirectories(dataDir);
        stopOrphanedServer(dataDir);
        boolean keepData = "dev".equals(profile);
        int port = freePort();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!keepData)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200");
        if (!keepData) {
            // Test data is thrown away; durability only costs time.
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        builder.start();
        LOG.infof("Embedded PostgreSQL (%s profile) listens on port %d, data in %s", profile, port, dataDir);
        System.setProperty(portProperty, Integer.toString(port));
        return port;
    }

    /**
     * A JVM killed with SIGKILL leaves its postmaster running (pg_ctl daemonises it) and holding the data
     * directory; stop it before starting a new one there.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        LOG.warnf("Stopping an orphaned embedded PostgreSQL (pid %d) left in %s", pid, dataDir);
        ProcessHandle postmaster = process.get();
        postmaster.destroy();
        try {
            postmaster.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
