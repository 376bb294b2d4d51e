package org.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** After the build (failsafe runs after package): every file the JVM image copies from the context exists. */
class DockerfilesIT {

    @Test
    void everySourceTheJvmImageCopiesExists() throws IOException {
        List<String> sources = Files.readAllLines(Path.of("docker", "Dockerfile.jvm")).stream()
                .filter(line -> line.startsWith("COPY "))
                .map(line -> line.split("\\s+"))
                .map(words -> words[words.length - 2])
                .toList();
        assertThat(sources).hasSize(4);
        for (String source : sources) {
            Path path = Path.of(source);
            assertThat(path).as(source).exists();
            if (source.endsWith("/")) {
                assertThat(Files.list(path).findAny()).as(source + " is not empty").isPresent();
            }
        }
    }
}
