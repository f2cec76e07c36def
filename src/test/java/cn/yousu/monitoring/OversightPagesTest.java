package cn.yousu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.Api;
import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import cn.yousu.support.Pages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pages of issue 6 without a browser: who may open them, and refusals shown next to their fields. */
class OversightPagesTest extends ApiTest {

    @Test
    void onlyOfficesRunTheRegistryTheBoardAndHearingsAndSupervisorsSeeTheirOwnPage() {
        Pages unit = Pages.signedIn(port, "scjg");
        for (String page : List.of("/monitoring", "/monitoring/quotas", "/exposure", "/hearings")) {
            assertThat(unit.get(page).status()).as(page).isEqualTo(403);
        }
        assertThat(unit.get("/inspections").status()).isEqualTo(200);
        assertThat(unit.get("/monitoring/me").status()).isEqualTo(403);

        Map<String, Object> nominee = new HashMap<>(MonitoringApiTest.supervisor("1981-06-01"));
        long id = api.as("office").post("/api/v1/monitoring/members", nominee).expect(201).json().get("member")
                .get("id").asLong();
        for (String step : List.of("preliminary-review", "office-review", "approval")) {
            api.as("office").post("/api/v1/monitoring/members/" + id + "/" + step,
                    Map.of("approve", true, "reviewer", "市工商联")).expect(200);
        }
        String user = "jdy-" + UUID.randomUUID().toString().substring(0, 8);
        api.as("office").post("/api/v1/monitoring/members/" + id + "/account",
                Map.of("username", user, "password", Api.PASSWORD)).expect(200);
        Pages supervisor = Pages.signedIn(port, user);
        assertThat(supervisor.get("/monitoring").status()).isEqualTo(403);
        assertThat(supervisor.get("/monitoring/me").expect(200).body()).contains("我的报送", "JDY-SF-");
        // a report without its fields is refused on the page, each message at its field
        Pages.Page refused = supervisor.post("/monitoring/me/reports", Map.of("kind", "PROBLEM"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("标题不能为空", "内容不能为空");
    }

    @Test
    void formsShowTheServicesRefusals() {
        Pages office = Pages.signedIn(port, "office");
        office.get("/monitoring");
        Map<String, Object> old = new HashMap<>(MonitoringApiTest.supervisor("1960-01-01"));
        old.put("disciplinaryRecord", "false");
        old.put("criminalRecord", "false");
        old.put("dishonest", "true");
        Pages.Page refused = office.post("/monitoring", old);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("超过 60 周岁", "纳入失信人黑名单的人员不得选聘为监督员");

        String number = cases.register("office", Cases.complaint("SF", "SF-ZJ")).number();
        office.get("/hearings");
        Pages.Page noReason = office.post("/hearings", Map.of("caseNumber", number, "subject", "责任认定",
                "scheduledAt", "2026-11-30T09:00", "location", "听证室", "presiding", "王主任",
                "participants", "企业代表"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("请写明属于重大问题的理由");
        Pages.Page scheduled = office.post("/hearings", Map.of("caseNumber", number, "subject", "工程款责任认定",
                "majorReason", "涉及多个部门", "scheduledAt", "2026-11-30T09:00", "location", "市民中心听证室",
                "presiding", "王主任", "participants", "企业代表\n住建局代表", "openToPublic", List.of("true", "false")));
        assertThat(scheduled.status()).isEqualTo(302);
        String hearing = java.net.URI.create(scheduled.header("Location")).getPath();
        Pages.Page early = office.post(hearing + "/record", Map.of("askedBy", "企业代表", "question", "为何拖欠？",
                "findings", "f", "outcome", "o"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("尚未开始");
        // the portal announces the public hearing without the case number
        String announcements = new Pages(port).get("/public/hearings").expect(200).body();
        assertThat(announcements).contains("工程款责任认定", "市民中心听证室").doesNotContain(number);
        Pages visitor = new Pages(port);
        assertThat(visitor.get("/public/hearings?lang=en").expect(200).body())
                .contains("Hearings on major or difficult complaints are held in public.", "工程款责任认定");
        assertThat(visitor.get("/public/inspections?lang=en").expect(200).body()).contains("Published inspection results");
        assertThat(visitor.get("/public/exposure?lang=en").expect(200).body()).contains("Exposure board");

        office.get("/inspections");
        Pages.Page inspection = office.post("/inspections", Map.of("theme", "SERVICE", "title", "窗口服务督察",
                "regionCode", "SF", "unitCodes", "SF-ZWFW", "plannedStart", "2026-11-23", "plannedEnd", "2026-11-30"));
        assertThat(inspection.status()).isEqualTo(302);
        String path = java.net.URI.create(inspection.header("Location")).getPath();
        office.get(path);
        Pages.Page badDays = office.post(path + "/findings", Map.of("unitCode", "SF-ZWFW", "description", "d",
                "requirement", "r", "workingDays", "三天"));
        assertThat(badDays.status()).isEqualTo(400);
        assertThat(badDays.body()).contains("请输入整数");
    }
}
