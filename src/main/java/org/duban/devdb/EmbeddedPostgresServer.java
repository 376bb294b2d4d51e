package org.duban.devdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Holds every reference to zonky, so that {@link EmbeddedPostgresConfigSourceFactory} loads without it.
 * Registered in META-INF/services for {@link EmbeddedDatabase}.
 *
 * <p>One server per JVM and profile. The port lives in a String system property because the config
 * factory runs in several class loaders (augmentation, runtime, dev-mode reloads) that each see their own
 * copy of this class; anything but a String there has broken dev-mode start before.
 */
public final class EmbeddedPostgresServer implements EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    @Override
    public int start(String profile, String configuredDataDir) throws IOException {
        return port(profile, configuredDataDir);
    }

    private static synchronized int port(String profile, String configuredDataDir) throws IOException {
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
        if (!keepData) {
            // zonky cleans the directory when it stops the server; a JVM killed before that leaves it full, and
            // initdb refuses a directory that is not empty.
            deleteContents(dataDir);
        }
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
     * directory; stop it before starting a new one there. zonky's lock file tells an orphan from a server
     * that a live JVM (another dev mode, say) still uses: the lock dies with its owner.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel lockFile = FileChannel.open(dataDir.resolve("epg-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new IOException("Another running process uses the embedded PostgreSQL in " + dataDir
                        + " (is dev mode running already?)");
            }
            Optional<ProcessHandle> postmaster = postmaster(pidFile);
            if (postmaster.isPresent()) {
                LOG.warnf("Stopping an orphaned embedded PostgreSQL (pid %d) left in %s", postmaster.get().pid(), dataDir);
                fastShutdown(postmaster.get());
            }
        }
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        try {
            long pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGINT is PostgreSQL's fast shutdown: it does not wait for clients of the dead JVM. */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).start().waitFor(5, TimeUnit.SECONDS);
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    private static void deleteContents(Path dataDir) throws IOException {
        try (var entries = Files.walk(dataDir)) {
            for (Path entry : entries.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!entry.equals(dataDir)) {
                    Files.delete(entry);
                }
            }
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
