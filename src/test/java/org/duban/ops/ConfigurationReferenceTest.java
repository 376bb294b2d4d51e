package org.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * README's configuration table against the keys the code declares: every duban.* key of a
 * {@code @ConfigMapping}, a {@code @ConfigProperty} or a *_KEY constant is listed with its default, and the
 * table names no duban.* key the code does not know.
 */
class ConfigurationReferenceTest {

    /** Set by the service itself, never by an operator. */
    private static final Set<String> INTERNAL = Set.of("duban.auth.ephemeral-keys");
    private static final Pattern KEY_IN_README = Pattern.compile("`(duban\\.[a-z0-9.-]+)`");

    @Test
    void everyKeyTheCodeDeclaresIsInReadmeWithItsDefault() throws Exception {
        Map<String, String> declared = declaredKeys();
        assertThat(declared).containsKeys("duban.reminders.every", "duban.auth.issuer", "duban.demo.enabled");
        Map<String, String> rows = readmeRows();

        List<String> problems = new ArrayList<>();
        declared.forEach((key, defaultValue) -> {
            String row = rows.get(key);
            if (row == null) {
                problems.add(key + " is not in README's configuration table");
            } else if (defaultValue != null && !row.contains(defaultValue)) {
                problems.add(key + ": README does not give its default " + defaultValue + " (row: " + row + ")");
            }
        });
        rows.keySet().stream().filter(key -> !declared.containsKey(key))
                .forEach(key -> problems.add(key + " is in README but no code declares it"));
        assertThat(problems).isEmpty();
    }

    /** Key → default (null when none), from the compiled classes. */
    private static Map<String, String> declaredKeys() throws IOException, ReflectiveOperationException {
        Map<String, String> keys = new TreeMap<>();
        Path classes = Path.of("target", "classes");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            if (!name.startsWith("org.duban.")) {
                continue;
            }
            Class<?> type = Class.forName(name, false, ConfigurationReferenceTest.class.getClassLoader());
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping != null) {
                for (Method method : type.getDeclaredMethods()) {
                    if (Modifier.isAbstract(method.getModifiers())) {
                        WithDefault value = method.getAnnotation(WithDefault.class);
                        keys.put(mapping.prefix() + "." + kebab(method.getName()), value == null ? null : value.value());
                    }
                }
            }
            for (Field field : type.getDeclaredFields()) {
                ConfigProperty property = field.getAnnotation(ConfigProperty.class);
                if (property != null) {
                    keys.put(property.name(), defaultOf(property));
                }
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && field.getName().endsWith("_KEY")) {
                    field.setAccessible(true);
                    keys.put((String) field.get(null), null);
                }
            }
            Stream.concat(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
                    .flatMap(executable -> Stream.of(executable.getParameters()))
                    .map(Parameter::getAnnotations).flatMap(Stream::of)
                    .filter(ConfigProperty.class::isInstance).map(ConfigProperty.class::cast)
                    .forEach(property -> keys.put(property.name(), defaultOf(property)));
        }
        keys.keySet().removeIf(key -> !key.startsWith("duban.") || INTERNAL.contains(key));
        return keys;
    }

    private static String defaultOf(ConfigProperty property) {
        return ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue()) ? null : property.defaultValue();
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Each duban.* key in the first column of README's configuration table → its row. */
    private static Map<String, String> readmeRows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Configuration");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Map<String, String> rows = new TreeMap<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.split("\\|")[1];
            Matcher key = KEY_IN_README.matcher(firstCell);
            while (key.find()) {
                rows.put(key.group(1), line);
            }
        }
        return rows;
    }
}
