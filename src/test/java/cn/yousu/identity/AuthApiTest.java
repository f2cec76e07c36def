package cn.yousu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Sign-in with bearer tokens that expire; passwords kept with an adaptive hash; demo accounts and roles. */
class AuthApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDemoAccountSignsInWithItsOrganisationAndRoles() {
        Map<String, String> orgs = Map.ofEntries(Map.entry("admin", "SYSTEM"), Map.entry("office", "SF-YSB"),
                Map.entry("leader", "SF-GOV"), Map.entry("scjg", "SF-SCJG"), Map.entry("scjg-head", "SF-SCJG"),
                Map.entry("sw", "SF-SW"), Map.entry("sw-head", "SF-SW"), Map.entry("zj", "SF-ZJ"),
                Map.entry("zj-head", "SF-ZJ"), Map.entry("dc-office", "SF-DC-YSB"),
                Map.entry("dc-scjg", "SF-DC-SCJG"), Map.entry("dc-scjg-head", "SF-DC-SCJG"));
        orgs.forEach((user, org) -> {
            JsonNode me = api.as(user).get("/api/v1/auth/me").expect(200).json();
            assertThat(me.get("orgCode").asString()).as(user).isEqualTo(org);
        });
        assertThat(api.as("office").get("/api/v1/auth/me").json().get("roles").toString())
                .contains("INTAKE", "DISPATCHER", "REVIEWER", "VISITOR", "SUPERVISOR");
        assertThat(api.as("scjg-head").get("/api/v1/auth/me").json().get("roles").toString()).contains("UNIT_HEAD");
    }

    @Test
    void passwordsAreStoredWithBcrypt() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'office'").query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("demo1234");
    }

    @Test
    void badCredentialsAndBadTokensAre401Problems() {
        api.anonymous().post("/api/v1/auth/token", Map.of("username", "office", "password", "wrong")).problem(401);
        api.anonymous().post("/api/v1/auth/token", Map.of("username", "nobody", "password", "demo1234")).problem(401);
        assertThat(api.anonymous().post("/api/v1/auth/token", Map.of()).problem(400).errorFields())
                .containsExactlyInAnyOrder("username", "password");
        api.anonymous().get("/api/v1/cases").problem(401);
        api.withToken("not-a-token").get("/api/v1/cases").problem(401);
        // unknown addresses answer a problem too
        api.as("office").get("/api/v1/no-such-thing").problem(404);
    }

    @Test
    void tokensExpireAndCanBeRevoked() {
        JsonNode issued = api.anonymous().post("/api/v1/auth/token", Map.of("username", "leader", "password",
                "demo1234")).expect(200).json();
        String token = issued.get("token").asString();
        OffsetDateTime expires = OffsetDateTime.parse(issued.get("expiresAt").asString());
        assertThat(expires.toInstant()).isAfter(clock.instant());
        api.withToken(token).get("/api/v1/auth/me").expect(200);
        clock.set(expires.toInstant().plus(Duration.ofMinutes(1)));
        try {
            api.withToken(token).get("/api/v1/auth/me").problem(401);
        } finally {
            clock.set(OffsetDateTime.now().toInstant());
        }
        String second = api.login("leader", "demo1234");
        api.withToken(second).delete("/api/v1/auth/token").expect(204);
        api.withToken(second).get("/api/v1/auth/me").problem(401);
    }

    @Test
    void administratorsManageAccounts() {
        Map<String, Object> account = Map.of("username", "scjg-2", "displayName", "第二经办人", "orgCode", "SF-SCJG",
                "roles", List.of("HANDLER"), "password", "long-enough-1", "phone", "13700000000");
        api.as("office").post("/api/v1/users", account).problem(403);
        api.as("admin").post("/api/v1/users", account).expect(201);
        assertThat(api.login("scjg-2", "long-enough-1")).isNotBlank();
        assertThat(api.as("admin").post("/api/v1/users", Map.of("username", "X Y", "orgCode", "SF-SCJG",
                "roles", List.of("REVIEWER"), "password", "short", "phone", "123")).problem(400).errorFields())
                .containsExactlyInAnyOrder("username", "displayName", "roles", "password", "phone");
        api.as("admin").post("/api/v1/users", account).problem(400);
    }
}
