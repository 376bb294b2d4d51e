package org.duban.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged service ({@code target/quarkus-app}) as an operator runs it: its own process, configured by
 * system properties and environment variables, on a database given by port, logging to a file.
 * Integration tests run after {@code package}.
 */
public final class PackagedService implements AutoCloseable {

    private static final Path APP = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final Process process;
    private final int httpPort;

    private PackagedService(String name, Process process, int httpPort) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
    }

    /**
     * Starts an instance on the embedded database at {@code databasePort}. {@code httpPort} 0 leaves the port to
     * the system (for instances the test never calls).
     */
    public static PackagedService start(String name, int databasePort, int httpPort, Map<String, String> environment,
            String... systemProperties) throws IOException {
        if (!Files.isRegularFile(APP)) {
            throw new IllegalStateException(APP + " is missing: integration tests run after `package`");
        }
        Files.createDirectories(log(name).getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dquarkus.datasource.reactive.url=postgresql://localhost:" + databasePort + "/postgres");
        command.add("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:" + databasePort + "/postgres");
        command.add("-Dquarkus.datasource.username=postgres");
        command.addAll(List.of(systemProperties));
        command.add("-jar");
        command.add(APP.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile());
        builder.environment().putAll(environment);
        return new PackagedService(name, builder.start(), httpPort);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path log(String name) {
        return Path.of("target", "it-logs", "instance-" + name + ".log");
    }

    public Path log() {
        return log(name);
    }

    public String logText() throws IOException {
        return Files.readString(log());
    }

    public Process process() {
        return process;
    }

    public String baseUri() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** A GraphQL request to the instance, as a client sends it (token null: without one); the answer's JSON. */
    public JsonNode graphql(String token, String query) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri() + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Waits until readiness answers UP. */
    public void awaitReady(Duration within) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("instance " + name + " exited; see " + log());
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("instance " + name + " not ready within " + within + "; see " + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
