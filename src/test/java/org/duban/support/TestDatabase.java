package org.duban.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.devdb.EmbeddedPostgresServer;

/**
 * An embedded PostgreSQL server of an integration test's own, which the test may stop, start again and freeze
 * (the faults the service must ride out), with the few JDBC calls the tests make against it.
 */
public final class TestDatabase {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");

    private final String profile;
    private final int port;
    private Process restarted;

    private TestDatabase(String profile, int port) {
        this.profile = profile;
        this.port = port;
    }

    /** The server of {@code profile}, with an empty public schema. */
    public static TestDatabase start(String profile) throws IOException, SQLException {
        TestDatabase database = new TestDatabase(profile, new EmbeddedPostgresServer().start(profile, null));
        database.execute("drop schema public cascade; create schema public");
        return database;
    }

    public int port() {
        return port;
    }

    public String jdbc() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc(), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row, or null. */
    public String text(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc(), "postgres", "");
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** The first column of every row. */
    public List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbc(), "postgres", "");
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    public Set<String> set(String sql) throws SQLException {
        return new HashSet<>(strings(sql));
    }

    /** Waits until a service has loaded the demo data (its last step is the demo accounts). */
    public void awaitDemoData(Duration within, Path log) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try {
                if ("1".equals(text("select count(*) from account where username = 'sfq'"))) {
                    return;
                }
            } catch (SQLException notYet) {
                // the schema is not there yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no demo data within " + within + "; see " + log);
    }

    /** The postmaster and every process it forked. */
    public List<Long> processes() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDir().resolve("postmaster.pid")).get(0).trim());
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    /** Sends a signal (STOP, CONT, …) to every process of the server. */
    public void signal(String signal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes().forEach(pid -> command.add(String.valueOf(pid)));
        if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " failed");
        }
    }

    /** A fast shutdown (SIGINT): connections are cut, the server is gone until {@link #startAgain}. */
    public void stop() throws IOException, InterruptedException {
        long postmaster = processes().get(0);
        new ProcessBuilder("kill", "-INT", String.valueOf(postmaster)).inheritIO().start().waitFor();
        ProcessHandle.of(postmaster).ifPresent(process -> process.onExit().join());
    }

    /** Starts the server again on its data and port, as it was started (postmaster.opts), and waits for it. */
    public void startAgain(Duration within) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; zonky starts it in a user namespace, and so does this.
            command.addAll(List.of("unshare", "-U"));
        }
        Matcher argument = QUOTED.matcher(Files.readString(dataDir().resolve("postmaster.opts")).strip());
        while (argument.find()) {
            command.add(argument.group(1) != null ? argument.group(1) : argument.group(2));
        }
        restarted = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "it-logs", "postgres-" + profile + ".log").toFile()).start();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = DriverManager.getConnection(jdbc(), "postgres", "")) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("PostgreSQL did not start again within " + within);
    }

    /** Stops a server {@link #startAgain} started, which zonky does not know of. */
    public void stopRestarted() throws InterruptedException {
        if (restarted != null && restarted.isAlive()) {
            try {
                new ProcessBuilder("kill", "-INT", String.valueOf(restarted.pid())).inheritIO().start().waitFor();
            } catch (IOException e) {
                restarted.destroyForcibly();
            }
            if (!restarted.waitFor(30, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        }
    }

    private Path dataDir() {
        return Path.of("target", "embedded-postgres", profile);
    }
}
