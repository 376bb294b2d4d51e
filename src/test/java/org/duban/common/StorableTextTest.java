package org.duban.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;
import static org.duban.support.GraphQL.token;

import java.util.Map;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Text is stored as it was sent, or refused: half a surrogate pair was stored as "?", a NUL made PostgreSQL fail.
 * SQL and HTML in text are plain text and come back as they went in.
 */
@QuarkusTest
class StorableTextTest {

    @Test
    void halfASurrogatePairOrANulIsRefusedAndNothingIsWritten() {
        TestPlans.Names names = TestPlans.fresh("text");
        TestPlans.importPlan(TestPlans.document(names, "- { code: A, title: 甲 }"));
        String regionId = TestPlans.regionId(names.regionCode());
        // In variables, as JSON escapes: the GraphQL parser already refuses half a pair written in the document.
        for (String name : new String[] { "局\\ud800乙", "局\\udc00", "局\\u0000乙" }) {
            JsonPath answer = given().contentType("application/json").header("Authorization", "Bearer " + token("admin"))
                    .body("{\"query\": \"mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }\","
                            + " \"variables\": {\"input\": {\"regionId\": \"" + regionId + "\", \"name\": \"" + name
                            + "\", \"kind\": \"DEPARTMENT\"}}}")
                    .post("/graphql").then().statusCode(200).extract().jsonPath();
            assertThat(answer.getString("errors[0].extensions.code")).as(name).isEqualTo("VALIDATION");
            assertThat(answer.getString("errors[0].extensions.field")).as(name).isEqualTo("input.name");
        }
        assertThat(execute(token("admin"), "mutation { createUnit(input: {regionId: \"" + regionId
                + "\", name: \"局\\ud800\", kind: DEPARTMENT}) { id } }", Map.of()).getString("errors[0].extensions.code"))
                .isEqualTo("VALIDATION");
        assertThat(ok(run("admin", "units", "regionId", regionId)).getList("data.units.name"))
                .noneMatch(unit -> unit.toString().startsWith("局"));
    }

    @Test
    void aWholeSurrogatePairAndSqlAndHtmlAreStoredAsTheyCame() {
        TestPlans.Names names = TestPlans.fresh("text-ok");
        TestPlans.importPlan(TestPlans.document(names, "- { code: A, title: 甲 }"));
        String regionId = TestPlans.regionId(names.regionCode());
        String name = "𠀀局'); drop table unit; -- <b>x</b>";
        JsonPath created = ok(run("admin", "create-unit", "input", Map.of("regionId", regionId, "name", name, "kind", "DEPARTMENT")));
        assertThat(created.getString("data.createUnit.name")).isEqualTo(name);
    }

    @Test
    void aPlanFileWithHalfASurrogatePairIsRefusedWhereItStands() {
        JsonPath answer = TestPlans.importDocument(TestPlans.document(TestPlans.fresh("text-file"),
                "- { code: A, title: \"甲\\ud800\" }"), false);
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("tasks[0].title");
    }
}
