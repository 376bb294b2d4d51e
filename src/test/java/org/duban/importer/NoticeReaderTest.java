package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Notices of other shapes than the seed's: another county, another numbering, a task table. */
class NoticeReaderTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** A region that knows the units and sets it is given, by these names only. */
    static NoticeReader.Region region(List<String> units, List<String> sets) {
        return new NoticeReader.Region() {
            @Override
            public String code() {
                return "990001";
            }

            @Override
            public String name() {
                return "测试县";
            }

            @Override
            public Optional<String> unit(String written) {
                return units.contains(written) ? Optional.of(written) : Optional.empty();
            }

            @Override
            public boolean isSet(String written) {
                return sets.contains(written);
            }
        };
    }

    static JsonNode draft(String notice, NoticeReader.Region region) {
        return YAML.valueToTree(NoticeReader.read(notice, region).document());
    }

    @Test
    void anotherCountyWithAnotherNumberingReadsItsOwnWay() throws IOException {
        NoticeReader.Draft draft = NoticeReader.read(SeedNoticeTest.resource("notices/another-county.txt"),
                region(List.of("测试县人民政府", "县自然资源局", "县农业农村局", "县政府"), List.of("各乡镇人民政府")));
        JsonNode file = YAML.valueToTree(draft.document());

        assertThat(file.at("/plan/documentNumber").asText()).isEqualTo("测政发〔2023〕12号");
        assertThat(file.at("/plan/title").asText()).isEqualTo("测试县耕地保护问题整改方案");
        assertThat(file.at("/plan/issuingUnit").asText()).isEqualTo("测试县人民政府");
        assertThat(file.at("/plan/issuedOn").asText()).isEqualTo("2023-03-10");
        assertThat(file.at("/plan/summary").asText()).isEqualTo("坚持最严格的耕地保护制度，确保问题按期整改到位。");
        assertThat(file.at("/plan/addressees").findValuesAsText("")).isEmpty();
        assertThat(texts(file.at("/plan/addressees"))).containsExactly("各乡镇人民政府", "县直各部门");
        assertThat(texts(file.at("/plan/copiedTo"))).containsExactly("县委办公室", "县人大常委会办公室");

        Map<String, JsonNode> tasks = byCode(file.path("tasks"));
        assertThat(tasks.keySet()).containsExactly("1", "2", "2(1)", "2(2)", "3");
        assertThat(tasks.get("1").path("title").asText()).isEqualTo("开展耕地“非农化”排查");
        assertThat(tasks.get("1").path("deadline").asText()).isEqualTo("2023年6月底前");
        assertThat(roles(tasks.get("1"))).containsExactly("县自然资源局 LEAD", "县农业农村局 ASSIST", "各乡镇人民政府 ASSIST");
        assertThat(tasks.get("2(1)").path("parent").asText()).isEqualTo("2");
        assertThat(roles(tasks.get("2(1)"))).as("no lead named, none the subject: both responsible")
                .containsExactly("县自然资源局 RESPONSIBLE", "县农业农村局 RESPONSIBLE");
        assertThat(tasks.get("2(1)").path("deadline").asText()).isEqualTo("2023年9月中下旬");
        assertThat(tasks.get("2(2)").path("deadline").asText()).isEqualTo("长期坚持");
        assertThat(roles(tasks.get("2(2)"))).containsExactly("县农业农村局 LEAD");
        assertThat(roles(tasks.get("3"))).containsExactly("县农业农村局 RESPONSIBLE", "县财政局 RESPONSIBLE", "县水利局 RESPONSIBLE");
        assertThat(draft.proposedUnits()).as("units the region lacks").containsExactly("县财政局", "县水利局");
        assertThat(draft.missing()).extracting(MissingField::path).contains("units[0]", "units[1]")
                .doesNotContain("tasks[1].deadline", "tasks[1].units");

        JsonNode group = file.at("/leadingGroups/0");
        assertThat(group.path("name").asText()).isEqualTo("测试县耕地保护整改工作领导小组");
        assertThat(group.path("officeUnit").asText()).isEqualTo("县自然资源局");
        assertThat(group.path("officeDirector").asText()).isEqualTo("张三");
        assertThat(members(group)).containsExactly("王测试 县长 LEADER", "李副职 副县长 DEPUTY_LEADER",
                "张三 县自然资源局局长 MEMBER 县自然资源局", "李四光 县农业农村局局长 MEMBER 县农业农村局");
        assertThat(draft.unread()).extracting(UnreadText::why).contains("outside the chapters of tasks");
    }

    @Test
    void aTaskTableReadsRowByRow() throws IOException {
        NoticeReader.Draft draft = NoticeReader.read(SeedNoticeTest.resource("notices/task-table.txt"),
                region(List.of("县自然资源局", "县住建局", "县财政局"), List.of("各乡镇人民政府")));
        JsonNode file = YAML.valueToTree(draft.document());

        assertThat(file.at("/plan/title").asText()).isEqualTo("测试县问题整改任务清单");
        Map<String, JsonNode> tasks = byCode(file.path("tasks"));
        assertThat(tasks.keySet()).containsExactly("1", "2", "3");
        assertThat(tasks.get("1").path("title").asText()).isEqualTo("核查闲置土地，逐宗建立台账");
        assertThat(roles(tasks.get("1"))).containsExactly("县自然资源局 LEAD", "县住建局 ASSIST");
        assertThat(tasks.get("1").path("deadline").asText()).isEqualTo("2023年5月底前");
        assertThat(roles(tasks.get("2"))).containsExactly("县自然资源局 LEAD", "县财政局 LEAD", "各乡镇人民政府 ASSIST");
        assertThat(tasks.get("3").path("deadline").asText()).isEqualTo("立即");
        DraftField deadline = draft.fields().stream().filter(f -> f.path().equals("tasks[1].deadline")).findFirst().orElseThrow();
        assertThat(deadline.source()).isEqualTo(new SourceSpan(7, 35, 7, 47));
    }

    @Test
    void theSameTextGivesTheSameDraft() throws IOException {
        String notice = SeedNoticeTest.resource("notices/xiangning-2022-60.txt");
        assertThat(NoticeReader.read(notice, region(List.of(), List.of())).document())
                .isEqualTo(NoticeReader.read(notice, region(List.of(), List.of())).document());
    }

    private static List<String> roles(JsonNode task) {
        List<String> result = new java.util.ArrayList<>();
        task.path("units").forEach(u -> result.add(u.path(u.has("unit") ? "unit" : "unitSet").asText() + " " + u.path("role").asText()));
        return result;
    }

    private static List<String> members(JsonNode group) {
        List<String> result = new java.util.ArrayList<>();
        group.path("members").forEach(m -> result.add((m.path("name").asText() + " " + m.path("title").asText() + " "
                + m.path("role").asText() + " " + m.path("unit").asText("")).strip()));
        return result;
    }

    private static List<String> texts(JsonNode list) {
        List<String> result = new java.util.ArrayList<>();
        list.forEach(item -> result.add(item.asText()));
        return result;
    }

    private static Map<String, JsonNode> byCode(JsonNode tasks) {
        Map<String, JsonNode> result = new java.util.LinkedHashMap<>();
        tasks.forEach(task -> result.put(task.path("code").asText(), task));
        return result;
    }
}
