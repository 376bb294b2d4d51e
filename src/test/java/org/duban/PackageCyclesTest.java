package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * No two features depend on each other, directly or around a loop: each feature package ({@code org.duban.X},
 * with its sub-packages) is a room that others may enter through its door, never one that leads back. Read from
 * the compiled classes with the JDK's jdeps, so that a dependency by a fully qualified name counts as much as
 * one by an import.
 */
class PackageCyclesTest {

    private static final Pattern CLASS_EDGE = Pattern.compile("^\\s+(org\\.duban\\.[\\w.$]+)\\s+->\\s+(org\\.duban\\.[\\w.$]+)\\s");

    @Test
    void noFeatureDependsOnAnotherThatDependsBackOnIt() {
        Map<String, Map<String, String>> edges = featureEdges();
        assertThat(edges).as("jdeps found the features").containsKeys("plan", "reminder", "common");
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : new StronglyConnected(edges).components()) {
            if (component.size() > 1) {
                StringBuilder cycle = new StringBuilder(String.join(" <-> ", component)).append(":");
                for (String from : component) {
                    edges.get(from).forEach((to, example) -> {
                        if (component.contains(to)) {
                            cycle.append("\n    ").append(example);
                        }
                    });
                }
                cycles.add(cycle.toString());
            }
        }
        assertThat(cycles).as("features that depend on each other").isEmpty();
    }

    /** Feature → feature it uses → one class dependency that shows it. */
    private static Map<String, Map<String, String>> featureEdges() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none", "-e",
                "org\\.duban\\..*", "target/classes");
        assertThat(exit).as(out.toString()).isZero();
        Map<String, Map<String, String>> edges = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher edge = CLASS_EDGE.matcher(line);
            if (edge.find()) {
                String from = feature(edge.group(1));
                String to = feature(edge.group(2));
                edges.computeIfAbsent(from, f -> new TreeMap<>());
                edges.computeIfAbsent(to, f -> new TreeMap<>());
                if (!from.equals(to)) {
                    edges.get(from).putIfAbsent(to, edge.group(1) + " -> " + edge.group(2));
                }
            }
        }
        return edges;
    }

    private static String feature(String className) {
        return className.split("\\.")[2];
    }

    /** Tarjan's strongly connected components. */
    private static final class StronglyConnected {
        private final Map<String, Map<String, String>> edges;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<Set<String>> components = new ArrayList<>();

        StronglyConnected(Map<String, Map<String, String>> edges) {
            this.edges = edges;
        }

        List<Set<String>> components() {
            for (String node : edges.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.add(node);
            for (String next : edges.get(node).keySet()) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (stack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.remove(stack.size() - 1);
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }
    }
}
