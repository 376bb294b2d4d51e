package org.duban.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.operation;
import static org.duban.support.GraphQL.run;
import static org.duban.support.GraphQL.vars;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;

/** Accounts through the API: the password policy, lockout, revocation at once, role changes, token checks. */
@QuarkusTest
class AccountsTest {

    private static final String PASSWORD = "Kaishi-2031-mima";

    private record Account(String id, String username, String unitId, String regionId) {
    }

    private static Account newAccount(String what, List<String> roles) {
        TestPlans.Names names = TestPlans.fresh(what);
        TestPlans.importPlan(TestPlans.document(names, "- { code: A, title: 甲 }"));
        String unitId = TestPlans.unitId(names.regionCode(), "测试县甲局");
        String username = what + "-" + names.regionCode();
        JsonPath created = ok(run("admin", "create-user", "input", Map.of("username", username, "displayName", "测试用户",
                "password", PASSWORD, "unitId", unitId, "roles", roles)));
        assertThat(created.getList("data.createUser.roles")).containsExactlyElementsOf(roles);
        return new Account(created.getString("data.createUser.id"), username, unitId, TestPlans.regionId(names.regionCode()));
    }

    private static JsonPath login(String username, String password) {
        return execute(null, operation("login"), vars("username", username, "password", password));
    }

    private static String token(String username, String password) {
        return ok(login(username, password)).getString("data.login.token");
    }

    private static JsonPath me(String token) {
        return execute(token, operation("me"), Map.of());
    }

    @Test
    void anAdminCreatesAnAccountThatSignsInAndKnowsItself() {
        Account account = newAccount("acct", List.of("UNIT"));
        JsonPath me = ok(me(token(account.username(), PASSWORD)));
        assertThat(me.getString("data.me.username")).isEqualTo(account.username());
        assertThat(me.getList("data.me.roles")).containsExactly("UNIT");
        assertThat(me.getString("data.me.unit.name")).isEqualTo("测试县甲局");
        assertThat(errorCode(run("admin", "create-user", "input", Map.of("username", account.username(), "displayName", "重名",
                "password", PASSWORD, "unitId", account.unitId(), "roles", List.of("UNIT"))))).isEqualTo("CONFLICT");
    }

    @Test
    void passwordsAndRolesMustMeetThePolicy() {
        Account account = newAccount("policy", List.of("UNIT"));
        Map<String, String> refused = Map.of(
                "short1", "too short",
                "onlyletterslongenough", "no digit",
                "12345678901234", "no letter",
                "xxp" + account.username() + "9", "contains the username");
        refused.forEach((password, why) -> {
            JsonPath answer = run("admin", "create-user", "input", Map.of("username", "p" + account.username(),
                    "displayName", "x", "password", password, "unitId", account.unitId(), "roles", List.of("UNIT")));
            assertThat(errorCode(answer)).as(why).isEqualTo("VALIDATION");
            assertThat(answer.getString("errors[0].extensions.field")).as(why).isEqualTo("input.password");
        });
        assertThat(errorCode(run("admin", "create-user", "input", Map.of("username", "q" + account.username(),
                "displayName", "x", "password", PASSWORD, "roles", List.of("UNIT"))))).isEqualTo("VALIDATION");
        assertThat(errorCode(run("admin", "create-user", "input", Map.of("username", "r" + account.username(),
                "displayName", "x", "password", PASSWORD, "unitId", account.unitId(), "roles", List.of("LAND_EDITOR")))))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(run("admin", "create-user", "input", Map.of("username", "s" + account.username(),
                "displayName", "x", "password", PASSWORD, "roles", List.of("KING"))))).isEqualTo("VALIDATION");
        JsonPath users = ok(run("admin", "users", "unitId", account.unitId()));
        assertThat(users.getList("data.users.username")).containsExactly(account.username());
    }

    @Test
    void disablingAnAccountKillsItsTokensAtOnce() {
        Account account = newAccount("disable", List.of("UNIT"));
        String token = token(account.username(), PASSWORD);
        ok(me(token));
        ok(run("admin", "disable-user", "id", account.id()));
        assertThat(errorCode(me(token))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(login(account.username(), PASSWORD))).isEqualTo("UNAUTHENTICATED");
        ok(run("admin", "enable-user", "id", account.id()));
        assertThat(errorCode(me(token))).as("a token revoked stays revoked").isEqualTo("UNAUTHENTICATED");
        ok(me(token(account.username(), PASSWORD)));
        assertThat(errorCode(run("admin", "disable-user", "id", run("admin", "me").getString("data.me.id"))))
                .as("an admin cannot lock itself out").isEqualTo("CONFLICT");
    }

    @Test
    void repeatedFailedLoginsLockTheAccountUntilAnAdminLiftsIt() {
        Account account = newAccount("lockout", List.of("UNIT"));
        for (int i = 0; i < 5; i++) {
            assertThat(login(account.username(), "Wrong-pass-" + i).getString("errors[0].message"))
                    .isEqualTo("Wrong username or password");
        }
        JsonPath locked = login(account.username(), PASSWORD);
        assertThat(errorCode(locked)).isEqualTo("UNAUTHENTICATED");
        assertThat(locked.getString("errors[0].message")).contains("locked until");
        assertThat(ok(run("admin", "users", "unitId", account.unitId())).getString("data.users[0].lockedUntil")).isNotNull();
        ok(run("admin", "enable-user", "id", account.id()));
        ok(login(account.username(), PASSWORD));
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        Account account = newAccount("change", List.of("UNIT"));
        String phone = token(account.username(), PASSWORD);
        String desk = token(account.username(), PASSWORD);
        JsonPath wrongOld = execute(desk, operation("change-password"), vars("oldPassword", "Not-the-1", "newPassword", "Xin-2031-mima"));
        assertThat(errorCode(wrongOld)).isEqualTo("VALIDATION");
        assertThat(wrongOld.getString("errors[0].extensions.field")).isEqualTo("oldPassword");
        JsonPath changed = ok(execute(desk, operation("change-password"), vars("oldPassword", PASSWORD, "newPassword", "Xin-2031-mima")));
        assertThat(errorCode(me(phone))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(me(desk))).isEqualTo("UNAUTHENTICATED");
        ok(me(changed.getString("data.changePassword.token")));
        assertThat(errorCode(login(account.username(), PASSWORD))).isEqualTo("UNAUTHENTICATED");
        ok(login(account.username(), "Xin-2031-mima"));
    }

    @Test
    void aNewRoleAppliesFromTheNextRequestWithTheSameToken() {
        Account account = newAccount("promote", List.of("UNIT"));
        String token = token(account.username(), PASSWORD);
        String quota = "mutation($r: ID!) { setQuota(input: {regionId: $r, year: 2032, targetMu: 1}) { year } }";
        String regionId = account.regionId();
        assertThat(errorCode(execute(token, quota, vars("r", regionId)))).isEqualTo("FORBIDDEN");
        ok(run("admin", "update-user", "id", account.id(), "input", Map.of("roles", List.of("UNIT", "LAND_EDITOR"))));
        ok(execute(token, quota, vars("r", regionId)));
        assertThat(errorCode(run("admin", "update-user", "id", run("admin", "me").getString("data.me.id"), "input",
                Map.of("roles", List.of("LEADER"))))).as("an admin cannot drop its own ADMIN role").isEqualTo("CONFLICT");
    }

    @Test
    void onlyTokensOfThisIssuerAudienceAndKeyWithinTheirLifetimeCount() {
        String admin = run("admin", "me").getString("data.me.id");
        String wrongAudience = Jwt.issuer("duban").audience("someone-else").subject(String.valueOf(TestIds.key(admin))).upn("admin")
                .groups(Set.of("ADMIN")).claim("tv", 0).expiresIn(Duration.ofHours(1)).sign();
        String wrongIssuer = Jwt.issuer("elsewhere").audience("duban-api").subject(String.valueOf(TestIds.key(admin))).upn("admin")
                .groups(Set.of("ADMIN")).claim("tv", 0).expiresIn(Duration.ofHours(1)).sign();
        String expired = Jwt.issuer("duban").audience("duban-api").subject(String.valueOf(TestIds.key(admin))).upn("admin").groups(Set.of("ADMIN"))
                .claim("tv", 0).issuedAt(Instant.now().minus(Duration.ofHours(10))).expiresAt(Instant.now().minus(Duration.ofHours(2)))
                .sign();
        for (String token : List.of(wrongAudience, wrongIssuer, expired, "not-a-token")) {
            assertThat(errorCode(me(token))).isEqualTo("UNAUTHENTICATED");
        }
        String right = Jwt.issuer("duban").audience("duban-api").subject(String.valueOf(TestIds.key(admin))).upn("admin").groups(Set.of("ADMIN"))
                .claim("tv", 0).expiresIn(Duration.ofHours(1)).sign();
        assertThat(ok(me(right)).getString("data.me.username")).isEqualTo("admin");
    }
}
