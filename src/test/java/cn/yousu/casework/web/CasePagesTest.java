package cn.yousu.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import cn.yousu.support.Pages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The case page over HTTP: what it shows, the actions it offers, the messages of refused forms, the scope. */
class CasePagesTest extends ApiTest {

    @BeforeEach
    void setUp() {
        clock.set("2026-09-30T10:00:00+08:00");
    }

    @Test
    void theCasePageShowsTheCaseAndExactlyTheAllowedActions() {
        Cases.Registered r = cases.register();
        Pages office = Pages.signedIn(port, "office");
        Pages.Page page = office.get("/cases/" + r.number()).expect(200);
        assertThat(page.body()).contains(r.number(), "营业执照变更登记迟迟不予办理", "已登记", "受理时限");
        List<String> offered = cases.actions("office", r.number());
        for (String action : offered) {
            assertThat(page.body()).contains("id=\"form-" + action + "\"");
        }
        assertThat(page.body()).doesNotContain("id=\"form-assign\"", "id=\"form-sign\"");
        assertThat(page.body()).containsPattern("id=\"submit-accept\">\\s*<span>受理</span>");
        // the unit sees no actions until the case is assigned to it, and before that not the case at all
        Pages.signedIn(port, "scjg").get("/cases/" + r.number()).expect(404);
    }

    @Test
    void whatUsersTypedIsShownAsText() {
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        body.put("title", "<script>alert('x')</script>标题");
        body.put("facts", "<img src=x onerror=alert(1)> 事实：窗口拒绝受理申请材料，已多次往返，均被推诿。");
        Cases.Registered r = cases.register("office", body);
        Pages.Page page = Pages.signedIn(port, "office").get("/cases/" + r.number()).expect(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;标题", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x");
    }

    @Test
    void aRefusedFormComesBackWithEachMessageNextToItsField() {
        Cases.Registered r = cases.register();
        Pages office = Pages.signedIn(port, "office");
        office.get("/cases/" + r.number());
        Pages.Page answer = office.htmxPost("/cases/" + r.number() + "/actions/reject", Map.of()).expect(200);
        assertThat(answer.header("HX-Retarget")).isEqualTo("#form-reject");
        assertThat(answer.body()).contains("id=\"form-reject\"");
        assertThat(answer.body()).containsPattern("id=\"err-reject-reasons\"[^>]*>不予受理理由不能为空");
        assertThat(answer.body()).containsPattern("id=\"err-reject-explanation\"[^>]*>向诉求人的解释说明不能为空");
        assertThat(cases.get("office", r.number()).get("status").asString()).isEqualTo("REGISTERED");
    }

    @Test
    void anActionRedrawsTheCaseInPlace() {
        Cases.Registered r = cases.register();
        Pages office = Pages.signedIn(port, "office");
        office.get("/cases/" + r.number());
        Pages.Page answer = office.htmxPost("/cases/" + r.number() + "/actions/accept",
                Map.of("kind", "COMPLAINT", "complexity", "GENERAL", "categoryCode", "LICENSE_DELAY")).expect(200);
        assertThat(answer.header("HX-Retarget")).isNull();
        assertThat(answer.body()).startsWith("<div id=\"case\"").contains("已受理", "id=\"form-assign\"")
                .doesNotContain("id=\"form-accept\"");
        assertThat(cases.get("office", r.number()).get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void withoutScriptAnActionRedirectsBackToTheCase() {
        Cases.Registered r = cases.register();
        Pages office = Pages.signedIn(port, "office");
        office.get("/cases/" + r.number());
        office.post("/cases/" + r.number() + "/actions/accept",
                Map.of("kind", "COMPLAINT", "complexity", "SIMPLE", "categoryCode", "LICENSE_DELAY"))
                .expectRedirect("/cases/" + r.number());
        assertThat(office.get("/cases/" + r.number()).body()).contains("已受理。");
        // a bad value gets its message, nothing changes
        Pages.Page bad = office.post("/cases/" + r.number() + "/actions/assign",
                Map.of("leadUnitCode", "SF-DC-SCJG", "cooperatingUnitCodes", List.of("SF-SCJG")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("牵头单位须为本级的承办单位");
    }

    @Test
    void aHandlerCannotOpenAnotherUnitsCase() {
        Cases.Registered r = cases.inProgress();
        Pages.signedIn(port, "scjg").get("/cases/" + r.number()).expect(200);
        Pages.Page other = Pages.signedIn(port, "sw").get("/cases/" + r.number());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).contains("没有编号为 " + r.number() + " 的案件，或您无权查看");
        assertThat(Pages.signedIn(port, "sw").htmxPost("/cases/" + r.number() + "/actions/draft-result", Map.of())
                .status()).isEqualTo(404);
    }

    @Test
    void theWorkbenchListsWhatWaitsForTheUserMostOverdueFirst() {
        // registered long ago: overdue by far the most, so first in queues shared with other tests' cases
        clock.set("2025-12-01T10:00:00+08:00");
        Cases.Registered r = cases.register();
        Pages.Page office = Pages.signedIn(port, "office").get("/workbench").expect(200);
        assertThat(office.body()).contains("id=\"queue-screen\"");
        Cases.Registered assigned = cases.register();
        cases.accept(assigned.number(), "GENERAL");
        cases.assign(assigned.number(), "SF-SCJG");
        clock.set("2026-09-30T10:00:00+08:00");
        Pages.Page unit = Pages.signedIn(port, "scjg").get("/workbench").expect(200);
        assertThat(unit.body()).contains("id=\"queue-sign\"", assigned.number(), "state-RED").doesNotContain(r.number());
        assertThat(Pages.signedIn(port, "office").get("/workbench").body()).contains(r.number());
    }
}
