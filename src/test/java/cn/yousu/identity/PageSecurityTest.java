package cn.yousu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Pages;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing in and out of the pages, the session kept in the database and its timeout, CSRF on forms. */
class PageSecurityTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStaffPageSendsStrangersToTheLoginPage() {
        new Pages(port).get("/workbench").expectRedirect("/login");
        new Pages(port).get("/cases/SF-2026-000001").expectRedirect("/login");
        new Pages(port).get("/admin/users").expectRedirect("/login");
    }

    @Test
    void signingInShowsWhoIsSignedInWithOrganisationAndRoles() {
        Pages pages = new Pages(port);
        pages.login("scjg-head", "demo1234").expectRedirect("/workbench");
        Pages.Page workbench = pages.get("/workbench").expect(200);
        assertThat(workbench.texts("user-name")).containsExactly("黄局长（市市场监管局）");
        assertThat(workbench.texts("user-org")).containsExactly("示范市市场监督管理局");
        assertThat(workbench.texts("user-roles")).containsExactly("单位负责人");
        assertThat(pages.cookie("YOUSU_SESSION")).isNotBlank();
    }

    @Test
    void theSessionLivesInTheDatabaseSoAnyNodeCanServeIt() {
        Pages pages = Pages.signedIn(port, "office");
        Integer rows = jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = 'office'")
                .query(Integer.class).single();
        assertThat(rows).isPositive();
        Integer timeout = jdbc.sql("SELECT MAX(MAX_INACTIVE_INTERVAL) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = 'office'")
                .query(Integer.class).single();
        assertThat(timeout).as("30 minutes without a request end a session").isEqualTo(1800);
        pages.get("/workbench").expect(200);
    }

    @Test
    void aSessionThatTimedOutAsksToSignInAgainAndSaysWhy() {
        Pages pages = Pages.signedIn(port, "sw");
        pages.get("/workbench").expect(200);
        // as if 30 minutes had passed without a request
        jdbc.sql("UPDATE SPRING_SESSION SET EXPIRY_TIME = 0, LAST_ACCESS_TIME = 0 WHERE PRINCIPAL_NAME = 'sw'").update();
        pages.get("/workbench").expectRedirect("/login?timeout");
        assertThat(pages.get("/login?timeout").expect(200).body()).contains("登录已超时");
        // htmx is told to load the login page as a whole page
        Pages again = Pages.signedIn(port, "sw");
        jdbc.sql("UPDATE SPRING_SESSION SET EXPIRY_TIME = 0, LAST_ACCESS_TIME = 0 WHERE PRINCIPAL_NAME = 'sw'").update();
        Pages.Page partial = again.htmxGet("/workbench");
        assertThat(partial.header("HX-Redirect")).isEqualTo("/login?timeout");
    }

    @Test
    void signingOutEndsTheSession() {
        Pages pages = Pages.signedIn(port, "zj");
        pages.get("/workbench").expect(200);
        pages.post("/logout", Map.of()).expectRedirect("/login?logout");
        assertThat(pages.get("/login?logout").body()).contains("您已安全退出");
        pages.get("/workbench").expectRedirect("/login");
    }

    @Test
    void aWrongPasswordIsRefusedWithAChineseMessage() {
        Pages pages = new Pages(port);
        pages.login("office", "wrong-password").expectRedirect("/login?error");
        assertThat(pages.get("/login?error").body()).contains("用户名或密码错误");
        pages.get("/workbench").expectRedirect("/login");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        Pages pages = Pages.signedIn(port, "office");
        assertThat(pages.postWithoutToken("/logout", Map.of()).status()).isEqualTo(403);
        pages.get("/workbench").expect(200);
    }

    @Test
    void theApiStaysStatelessWithBearerTokens() {
        var r = api.as("office").get("/api/v1/auth/me").expect(200);
        assertThat(r.json().get("username").asString()).isEqualTo("office");
        assertThat(new Pages(port).get("/api/v1/cases").status()).isEqualTo(401);
    }

    @Test
    void pagesForbidInlineScriptsAndFraming() {
        Pages.Page login = new Pages(port).get("/login").expect(200);
        assertThat(login.header("Content-Security-Policy")).contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void aDisabledAccountIsSignedOut() {
        api.as("admin").post("/api/v1/users", Map.of("username", "temp-clerk", "displayName", "临时受理员",
                "orgCode", "SF-YSB", "roles", java.util.List.of("INTAKE"), "password", "secret-123", "enabled", true))
                .expect(201);
        Pages pages = new Pages(port);
        pages.login("temp-clerk", "secret-123").expectRedirect("/workbench");
        pages.get("/workbench").expect(200);
        api.as("admin").put("/api/v1/users/temp-clerk", Map.of("displayName", "临时受理员", "orgCode", "SF-YSB",
                "roles", java.util.List.of("INTAKE"), "enabled", false)).expect(200);
        sessionActors.evict("temp-clerk");
        pages.get("/workbench").expectRedirect("/login");
    }

    @Autowired
    SessionActors sessionActors;
}
