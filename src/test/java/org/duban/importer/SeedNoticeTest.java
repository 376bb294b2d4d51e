package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The seed notice (乡政办发〔2022〕60号) as published, read into a draft: field by field the demo plan file's tasks, codes,
 * deadlines, units and roles, its annex's leading group, and the plan's own fields; where the demo file says what the
 * notice does not (the monthly report's day, who sets up the task force), the draft says it is missing.
 */
@QuarkusTest
class SeedNoticeTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theSeedNoticeReadsAsTheDemoPlanFile() throws IOException {
        TestPlans.Names names = TestPlans.fresh("seed-notice");
        String demoFile = TestPlans.demo(names);
        TestPlans.importPlan(demoFile);
        String notice = resource("notices/xiangning-2022-60.txt");

        JsonPath read = ok(run("admin", "import-notice", "text", notice, "regionId", TestPlans.regionId(names.regionCode())));

        JsonNode draft = YAML.readTree(read.getString("data.importNotice.draft"));
        JsonNode demo = YAML.readTree(demoFile);
        List<String> missing = read.getList("data.importNotice.missing.path", String.class);
        Names units = new Names(demo);

        JsonNode plan = draft.path("plan");
        assertThat(plan.path("documentNumber").asText()).isEqualTo("乡政办发〔2022〕60号");
        for (String field : List.of("title", "issuingUnit", "issuedOn", "summary")) {
            assertThat(plan.path(field).asText()).as("plan." + field).isEqualTo(demo.path("plan").path(field).asText());
        }
        assertThat(texts(plan.path("addressees"))).isEqualTo(texts(demo.path("plan").path("addressees")));
        assertThat(texts(plan.path("copiedTo"))).isEqualTo(texts(demo.path("plan").path("copiedTo")));
        assertThat(plan.path("basisDocuments").findValuesAsText("number")).containsExactly("晋督〔2022〕4号", "临政办发〔2022〕35号");

        Map<String, JsonNode> drafted = byCode(draft.path("tasks"));
        LocalDate issuedOn = LocalDate.parse(demo.path("plan").path("issuedOn").asText());
        List<JsonNode> demoTasks = new ArrayList<>();
        demo.path("tasks").forEach(demoTasks::add);
        assertThat(drafted.keySet()).as("codes, in order").containsExactlyElementsOf(demoTasks.stream().map(t -> t.path("code").asText()).toList());
        for (JsonNode expected : demoTasks) {
            String code = expected.path("code").asText();
            JsonNode actual = drafted.get(code);
            String path = "tasks[" + index(draft.path("tasks"), code) + "]";
            assertThat(actual.path("parent").asText(null)).as(code + " parent").isEqualTo(expected.path("parent").asText(null));
            if (expected.has("deadline")) {
                assertThat(DeadlinePhrase.read(actual.path("deadline").asText(), issuedOn, "deadline").deadline()).as(code + " deadline")
                        .isEqualTo(LocalDate.parse(expected.path("deadline").asText()));
            } else if (!actual.has("deadline") && hasChildren(demoTasks, code)) {
                assertThat(missing).as(code + " is a section").doesNotContain(path + ".deadline");
            }
            if (expected.has("recurrence")) {
                assertThat(missing).as(code + " recurs on a day the notice does not give").contains(path + ".recurrence");
            }
            if (expected.path("units").isEmpty()) {
                assertThat(actual.path("units").isEmpty()).as(code + " names no units").isTrue();
            } else if (actual.path("units").isEmpty()) {
                assertThat(missing).as(code + "'s units are the demo file's, not the notice's").contains(path + ".units");
            } else {
                assertThat(units.of(actual.path("units"))).as(code + " units and roles").isEqualTo(units.of(expected.path("units")));
            }
        }

        JsonNode group = group(draft, "乡宁县推进清理“批而未用”土地专项督察反馈问题整改工作领导小组");
        JsonNode demoGroup = group(demo, "乡宁县推进清理“批而未用”土地专项督察反馈问题整改工作领导小组");
        assertThat(units.full(group.path("officeUnit").asText())).isEqualTo(demoGroup.path("officeUnit").asText());
        assertThat(group.path("officeDirector").asText()).isEqualTo(demoGroup.path("officeDirector").asText());
        assertThat(members(group)).isEqualTo(members(demoGroup));
    }

    @Test
    void everyValueSaysWhereInTheNoticeItStands() throws IOException {
        TestPlans.Names names = TestPlans.fresh("seed-notice-spans");
        TestPlans.importPlan(TestPlans.demo(names));
        String notice = resource("notices/xiangning-2022-60.txt");
        String[] lines = notice.split("\n", -1);

        JsonPath read = ok(run("admin", "import-notice", "text", notice, "regionId", TestPlans.regionId(names.regionCode())));

        List<Map<String, Object>> fields = read.getList("data.importNotice.fields");
        assertThat(fields).hasSizeGreaterThan(40);
        for (Map<String, Object> field : fields) {
            Map<?, ?> source = (Map<?, ?>) field.get("source");
            int line = (Integer) source.get("fromLine");
            String quoted = lines[line - 1].substring((Integer) source.get("fromColumn"),
                    line(source, "toLine").equals(line) ? (Integer) source.get("toColumn") : lines[line - 1].length());
            if (field.get("path").equals("plan.issuedOn")) {
                assertThat(quoted).as("the date as written").isEqualTo("2022年9月5日");
                continue;
            }
            if (((String) field.get("path")).endsWith(".code")) {
                // a code is its number with its parents' ((一)1 from "1."): the span is the number as written
                assertThat((String) field.get("value")).endsWith(quoted.replaceAll("[\\s.．、]", "").replace('（', '(').replace('）', ')'));
                continue;
            }
            if (!line(source, "toLine").equals(line) || ((String) field.get("path")).matches(".*members.*|.*description|.*summary")) {
                continue;
            }
            assertThat(quoted.replaceAll("\\s", "")).as(field.get("path") + " at line " + line)
                    .isEqualTo(((String) field.get("value")).replaceAll("\\s", ""));
        }
        assertThat(read.getList("data.importNotice.unread.text", String.class)).as("the others of 等相关部门 are not named")
                .contains("等相关部门");
    }

    private static Integer line(Map<?, ?> source, String key) {
        return (Integer) source.get(key);
    }

    private static boolean hasChildren(List<JsonNode> tasks, String code) {
        return tasks.stream().anyMatch(t -> code.equals(t.path("parent").asText(null)));
    }

    /** Units by their full names, as the region knows them, with their roles. */
    private static final class Names {
        private final Map<String, String> full = new HashMap<>();

        Names(JsonNode demo) {
            demo.path("units").forEach(unit -> {
                String name = unit.path("name").asText();
                full.put(name, name);
                full.put(unit.path("shortName").asText(name), name);
                unit.path("aliases").forEach(alias -> full.put(alias.asText(), name));
            });
        }

        String full(String written) {
            return full.getOrDefault(written, written);
        }

        List<String> of(JsonNode assignments) {
            List<String> result = new ArrayList<>();
            assignments.forEach(a -> result.add((a.has("unit") ? full.getOrDefault(a.path("unit").asText(), a.path("unit").asText())
                    : "set " + a.path("unitSet").asText()) + " " + a.path("role").asText()));
            return result;
        }
    }

    private static List<String> members(JsonNode group) {
        List<String> result = new ArrayList<>();
        group.path("members").forEach(m -> result.add(m.path("name").asText("") + "|" + m.path("title").asText() + "|"
                + m.path("unit").asText("") + "|" + m.path("unitSet").asText("") + "|" + m.path("role").asText("MEMBER")));
        return result;
    }

    private static JsonNode group(JsonNode document, String name) {
        for (JsonNode group : document.path("leadingGroups")) {
            if (group.path("name").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no leading group " + name);
    }

    private static Map<String, JsonNode> byCode(JsonNode tasks) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        tasks.forEach(task -> result.put(task.path("code").asText(), task));
        return result;
    }

    private static int index(JsonNode tasks, String code) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).path("code").asText().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> texts(JsonNode list) {
        List<String> result = new ArrayList<>();
        list.forEach(item -> result.add(item.asText()));
        return result;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SeedNoticeTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
