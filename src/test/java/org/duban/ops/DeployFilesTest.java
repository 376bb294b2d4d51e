package org.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What can be checked of docker/ without a container engine: the compose file parses and names the
 * images, ports, volumes and variables README's "Deploy" section gives; the Dockerfiles run as non-root,
 * the native one in two stages from the Mandrel builder. {@code DockerfilesIT} checks the copied files exist.
 */
class DeployFilesTest {

    private static final Path DOCKER = Path.of("docker");

    private static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yml").toFile());
    }

    private static String deploySection() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Deploy");
        assertThat(start).as("README has a Deploy section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void composeRunsPinnedPostgresWithAVolumeAndAHealthCheckAndTheServiceAfterIt() throws IOException {
        JsonNode services = compose().get("services");
        JsonNode postgres = services.get("postgres");
        assertThat(postgres.get("image").asText()).matches("postgres:\\d+(\\.\\d+)?");
        assertThat(postgres.get("volumes").get(0).asText()).startsWith("duban-data:");
        assertThat(compose().get("volumes").has("duban-data")).isTrue();
        assertThat(postgres.get("healthcheck").get("test").toString()).contains("pg_isready");

        JsonNode duban = services.get("duban");
        assertThat(duban.get("image").asText()).isEqualTo("duban:${DUBAN_IMAGE:-jvm}");
        assertThat(duban.get("build").get("dockerfile").asText()).isEqualTo("docker/Dockerfile.${DUBAN_IMAGE:-jvm}");
        assertThat(duban.get("depends_on").get("postgres").get("condition").asText()).isEqualTo("service_healthy");
        assertThat(duban.get("ports").get(0).asText()).isEqualTo("8080:8080");
        Map<String, String> environment = new ObjectMapper().convertValue(duban.get("environment"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {
                });
        assertThat(environment).containsEntry("DUBAN_DEMO_ENABLED", "${DUBAN_DEMO_ENABLED:-false}")
                .containsKeys("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                        "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "SMALLRYE_JWT_SIGN_KEY_LOCATION");

        String deploy = deploySection();
        assertThat(deploy).contains("docker compose -f docker/compose.yml up --build", "DUBAN_IMAGE=native", "8080",
                "duban-data", "postgres:" + postgres.get("image").asText().split(":")[1]);
        environment.keySet().forEach(variable -> assertThat(deploy).as("README's Deploy section names " + variable).contains(variable));
        assertThat(Files.readString(DOCKER.resolve("compose.yml"))).as("the second instance, as a commented option")
                .contains("# duban-2:");
    }

    @Test
    void theImagesRunAsNonRootAndTheNativeOneIsBuiltInTheMandrelBuilderWithWhatAwtNeeds() throws IOException {
        String jvm = Files.readString(DOCKER.resolve("Dockerfile.jvm"));
        assertThat(jvm).contains("USER 1001", "MaxRAMPercentage", "target/quarkus-app/", "# Build:", "# Run:");
        String nativeImage = Files.readString(DOCKER.resolve("Dockerfile.native"));
        List<String> stages = nativeImage.lines().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).contains("mandrel").endsWith("AS build");
        assertThat(stages.get(1)).contains("ubi-minimal");
        // POI's AWT needs these at run time, and the JDK libraries native-image writes beside the executable
        assertThat(nativeImage).contains("USER 1001", "package -Dnative", "# Build:", "freetype fontconfig", "/code/target/*.so");
        assertThat(deploySection()).contains("docker/Dockerfile.jvm", "docker/Dockerfile.native", "not run");
    }

    @Test
    void theBuildContextIsAnAllowList() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(lines.get(0)).isEqualTo("*");
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.startsWith("!"))
                .contains("!target/quarkus-app/", "!src/main/", "!pom.xml");
        // Everything the native build stage copies from the context is let through.
        String nativeImage = Files.readString(DOCKER.resolve("Dockerfile.native"));
        List.of("mvnw", ".mvn", "pom.xml", "src").forEach(path -> assertThat(nativeImage).contains("COPY --chown=quarkus:quarkus " + path));
    }
}
