package org.duban.importer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.duban.support.GraphQL;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Notices uploaded as files (POST /notices/text): a Word document, typed or numbered by Word's own lists, with a task
 * table; text files in the encodings Chinese systems save; and what is refused. The text the route gives reads into
 * the draft the notice's own text gives.
 */
@QuarkusTest
class NoticeUploadTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static String seed;
    private static String regionId;

    @BeforeEach
    void demoRegion() throws Exception {
        if (regionId != null) {
            return;
        }
        TestPlans.Names names = TestPlans.fresh("notice-upload");
        TestPlans.importPlan(TestPlans.demo(names));
        regionId = TestPlans.regionId(names.regionCode());
        seed = SeedNoticeTest.resource("notices/xiangning-2022-60.txt");
    }

    @Test
    void aTypedWordDocumentGivesTheNoticesTextAndItsDraft() throws Exception {
        JsonPath read = upload("admin", "notice.docx", WordDocuments.typed(seed)).then().statusCode(200).extract().jsonPath();

        assertThat(read.getString("format")).isEqualTo("DOCX");
        assertThat(read.getString("fileName")).isEqualTo("notice.docx");
        assertThat(read.getString("text")).isEqualTo(seed + "\n");
        assertThat(draft(read.getString("text"))).isEqualTo(draft(seed));
    }

    @Test
    void numbersWordDrawsItselfAreWrittenOutAsTyped() throws Exception {
        String text = upload("admin", "numbered.docx", WordDocuments.numberedByWord(seed)).then().statusCode(200).extract()
                .jsonPath().getString("text");

        assertThat(text).contains("一、 总体要求", "二、 整改措施与时限", "(一) 推进“标准地”改革", "3. 制定工作计划",
                "(3) 2022年年底第二轮区域评价全部完成", "(二) 清理“批而未用”土地", "三、 工作要求");
        JsonNode fromWord = draft(text);
        JsonNode typed = draft(seed);
        assertThat(codes(fromWord)).isEqualTo(codes(typed)).contains("(一)3(3)", "(二)2");
        assertThat(fromWord.path("tasks")).isEqualTo(typed.path("tasks"));
        assertThat(fromWord.path("leadingGroups")).isEqualTo(typed.path("leadingGroups"));
    }

    @Test
    void aWordTableIsATaskTable() throws Exception {
        byte[] docx = WordDocuments.withTable("测试县问题整改任务清单\n一、整改任务", List.of(
                "序号\t整改任务\t牵头单位\t配合单位\t完成时限",
                "1\t核查闲置土地，逐宗建立台账\t县自然资源局\t县行政审批局/县财政局\t2023年5月底前",
                "2\t处置批而未供土地。/按季度报告进展。\t县自然资源局\t\t2023年11月30日前"));

        String text = upload("admin", "table.docx", docx).then().statusCode(200).extract().jsonPath().getString("text");

        assertThat(text).contains("1\t核查闲置土地，逐宗建立台账\t县自然资源局\t县行政审批局、县财政局\t2023年5月底前\n",
                "2\t处置批而未供土地。按季度报告进展。\t县自然资源局\t\t2023年11月30日前\n");
        JsonNode tasks = draft(text).path("tasks");
        assertThat(tasks.findValuesAsText("code")).containsExactly("1", "2");
        assertThat(tasks.get(0).path("units").findValuesAsText("role")).containsExactly("LEAD", "ASSIST", "ASSIST");
        assertThat(tasks.get(0).path("deadline").asText()).isEqualTo("2023年5月底前");
    }

    @Test
    void textFilesInTheEncodingsOfficesSaveThemIn() {
        String notice = "测试县人民政府文件\n\n一、整改任务\n\n1. 划定禁烧区域。\n\n责任单位：县自然资源局\n\n完成时限：3月底前\n";
        for (Charset encoding : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"), Charset.forName("GBK"))) {
            JsonPath read = upload("admin", "notice.txt", notice.getBytes(encoding)).then().statusCode(200).extract().jsonPath();
            assertThat(read.getString("format")).as(encoding.name()).isEqualTo("TEXT");
            assertThat(read.getString("text")).as(encoding.name()).isEqualTo(notice);
        }
        byte[] utf16 = notice.getBytes(StandardCharsets.UTF_16); // with its byte order mark
        assertThat(upload("admin", "notice.txt", utf16).then().statusCode(200).extract().jsonPath().getString("text")).isEqualTo(notice);
        byte[] bom = ("\uFEFF" + notice).getBytes(StandardCharsets.UTF_8);
        assertThat(upload("admin", "notice.txt", bom).then().statusCode(200).extract().jsonPath().getString("text")).isEqualTo(notice);
    }

    @Test
    void onlyAnAdminUploadsAndOnlyWhatCanBeRead() {
        byte[] docx = WordDocuments.typed("测试县人民政府文件");
        assertThat(upload(null, "a.docx", docx).statusCode()).isEqualTo(401);
        assertThat(error(upload("leader", "a.docx", docx), 403)).isEqualTo("FORBIDDEN");
        assertThat(error(upload("zrzyj", "a.docx", docx), 403)).isEqualTo("FORBIDDEN");
        assertThat(error(upload("operator", "a.docx", docx), 403)).isEqualTo("FORBIDDEN");

        byte[] oldWord = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        Response doc = upload("admin", "a.doc", oldWord);
        assertThat(error(doc, 400)).isEqualTo("VALIDATION");
        assertThat(doc.jsonPath().getString("message")).contains("DOCX");
        assertThat(error(upload("admin", "a.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)), 400)).isEqualTo("VALIDATION");
        Response notWord = upload("admin", "a.docx", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        assertThat(error(notWord, 400)).isEqualTo("VALIDATION");
        assertThat(notWord.jsonPath().getString("message")).doesNotContain("org.apache", "Exception");
        assertThat(error(upload("admin", "a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}), 400)).isEqualTo("VALIDATION");
        assertThat(error(upload("admin", "empty.txt", new byte[0]), 400)).isEqualTo("VALIDATION");

        Response noFile = given().header("Authorization", "Bearer " + GraphQL.token("admin"))
                .multiPart("attachment", "a.docx", docx).post(ImportRoutes.NOTICE_TEXT);
        assertThat(error(noFile, 400)).isEqualTo("VALIDATION");
        Response notMultipart = given().header("Authorization", "Bearer " + GraphQL.token("admin")).contentType("text/plain")
                .body("测试").post(ImportRoutes.NOTICE_TEXT);
        assertThat(error(notMultipart, 415)).isEqualTo("VALIDATION");
        assertThat(given().get(ImportRoutes.NOTICE_TEXT).statusCode()).isEqualTo(405);
    }

    private static Response upload(String user, String fileName, byte[] content) {
        var request = given();
        if (user != null) {
            request.header("Authorization", "Bearer " + GraphQL.token(user));
        }
        return request.multiPart("file", fileName, content).post(ImportRoutes.NOTICE_TEXT);
    }

    private static String error(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        return response.jsonPath().getString("code");
    }

    private static JsonNode draft(String text) throws Exception {
        return YAML.readTree(ok(run("admin", "import-notice", "text", text, "regionId", regionId)).getString("data.importNotice.draft"));
    }

    private static List<String> codes(JsonNode draft) {
        return draft.path("tasks").findValuesAsText("code");
    }
}
