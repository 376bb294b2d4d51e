package org.duban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.junit.jupiter.api.Test;

/**
 * Every id an output type hands out is sealed: a record component marked {@code @Id} says which kind of row key it
 * carries ({@link GlobalId}), or it is one of the few ids that reveal nothing by themselves. A new type that forgot
 * would hand out bare row keys, which count rows and tell their order.
 */
class GlobalIdMarkingTest {

    /** Ids that need no sealing, and why. */
    private static final Map<String, String> SELF_SEALED = Map.of(
            "TaskOccurrence.id", "composed by OccurrenceId of the sealed task id and a date",
            "occurrenceId", "composed by OccurrenceId of the sealed task id and a date",
            "Delivery.id", "a random UUID");

    @Test
    void everyOutputIdSaysWhatItNames() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<String> bare = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes.resolve("org/duban"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!type.isRecord() || type.isAnnotationPresent(Input.class)) {
                    continue;
                }
                for (RecordComponent component : type.getRecordComponents()) {
                    // @Id targets fields and methods, not record components: it lands on the accessor
                    if (!component.getAccessor().isAnnotationPresent(Id.class)) {
                        continue;
                    }
                    checked++;
                    String field = type.getSimpleName() + "." + component.getName();
                    if (!component.isAnnotationPresent(GlobalId.class) && !SELF_SEALED.containsKey(field)
                            && !SELF_SEALED.containsKey(component.getName())) {
                        bare.add(field);
                    }
                }
            }
        }
        assertThat(checked).as("ids of output types found").isGreaterThan(30);
        assertThat(bare).as("output ids without @GlobalId").isEmpty();
    }
}
