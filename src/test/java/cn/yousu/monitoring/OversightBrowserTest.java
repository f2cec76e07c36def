package cn.yousu.monitoring;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.Api;
import cn.yousu.support.ApiTest;
import cn.yousu.support.Browsers;
import cn.yousu.support.Cases;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 from the browser only: the office selects a supervisor through every step, the supervisor signs in and
 * reports a problem that becomes a case, the office sees who is behind on quotas, runs an inspection with a
 * rectification, publishes an anonymised typical case and records a hearing. Screenshots in target/screenshots.
 */
class OversightBrowserTest extends ApiTest {

    @Test
    void anOfficeRunsSupervisorsInspectionsTheExposureBoardAndHearings() {
        clock.set("2026-11-23T09:00:00+08:00");
        String name = "赵监督" + UUID.randomUUID().toString().substring(0, 4);
        String username = "jdy-" + UUID.randomUUID().toString().substring(0, 8);
        String caseNumber;
        try (Browsers.Window office = Browsers.desktop(api.base())) {
            Page p = office.page;
            office.login("office");
            p.navigate("/monitoring");
            assertThat(p.locator("h1")).hasText("营商环境监测点与监督员");
            // a candidate aged 61 is refused, with the rule named next to the field
            fillNomination(p, name, "1965-11-23");
            p.locator("#nominate-form button[type=submit]").click();
            assertThat(p.locator("#err-f-birthDate")).containsText("超过 60 周岁");
            office.screenshot("monitoring-01-refused-61");
            p.locator("#f-birthDate").fill("1978-03-15");
            p.locator("#nominate-form button[type=submit]").click();
            assertThat(p.locator("#member-status")).hasText("待初审");
            p.locator("#f-reviewer").fill("市工信局");
            p.locator("#review-form button[type=submit]").click();
            assertThat(p.locator("#member-status")).hasText("初审通过，待营商办复审");
            p.locator("#review-form button[type=submit]").click();
            assertThat(p.locator("#member-status")).hasText("复审通过，待领导小组审定");
            p.locator("#f-reviewer").fill("领导小组 2026 年第 4 次会议");
            p.locator("#review-form button[type=submit]").click();
            assertThat(p.locator("#member-status")).hasText("在聘");
            assertThat(p.locator("#member-number")).containsText("JDY-SF-2026-");
            assertThat(p.locator("#member-term")).hasText("2026-11-23 至 2028-11-22");
            assertThat(p.locator("#member-steps li")).hasCount(4);
            p.locator("#f-username").fill(username);
            p.locator("#f-password").fill(Api.PASSWORD);
            p.locator("#account-form button[type=submit]").click();
            assertThat(p.locator("#member-steps li")).hasCount(5);
            office.assertEveryFieldLabelled();
            office.screenshot("monitoring-02-member-selected");
            office.logout();
        }
        // the supervisor signs in and reports a problem
        try (Browsers.Window supervisor = Browsers.desktop(api.base())) {
            Page p = supervisor.page;
            supervisor.login(username);
            p.navigate("/monitoring/me");
            p.locator("#f-title").fill("政务大厅要求重复提交营业执照复印件");
            p.locator("#f-content").fill("11 月 20 日在市政务大厅办理变更，窗口要求提交已共享的营业执照复印件，企业往返两次。");
            p.locator("#f-respondentUnitCode").selectOption("SF-ZWFW");
            p.locator("#report-form button[type=submit]").click();
            assertThat(p.locator("#flash")).containsText("已报送，登记为案件");
            caseNumber = p.locator("[data-case]").first().getAttribute("data-case");
            assertThat(p.locator("[data-case] .report-status").first()).hasText("已登记");
            supervisor.assertEveryFieldLabelled();
            supervisor.screenshot("monitoring-03-supervisor-reported");
            assertThat(supervisor.consoleErrors).isEmpty();
        }
        assertThat(cases.get("office", caseNumber).get("channel").asString()).isEqualTo("SUPERVISOR");

        try (Browsers.Window office = Browsers.desktop(api.base())) {
            Page p = office.page;
            office.login("office");
            // who is behind: one problem this quarter, no suggestion this year
            p.navigate("/monitoring/quotas");
            var row = p.locator("#quota-table tr", new Page.LocatorOptions().setHasText(name));
            assertThat(row.locator(".problems")).hasText("1");
            assertThat(row.locator(".state")).containsText("意见建议未完成");
            office.screenshot("monitoring-04-quotas");

            // an inspection with a rectification
            p.navigate("/inspections");
            p.locator("#f-theme").selectOption("SERVICE");
            p.locator("#f-title").fill("政务服务专项督察");
            p.locator("#unit-SF-ZWFW").check();
            p.locator("#f-plannedStart").fill("2026-11-23");
            p.locator("#f-plannedEnd").fill("2026-12-04");
            p.locator("#inspection-form button[type=submit]").click();
            assertThat(p.locator("#inspection-status")).hasText("督察中");
            p.locator("#f-description").fill("要求企业重复提交已共享的证照材料");
            p.locator("#f-requirement").fill("清理重复提交材料清单，实行“免提交”");
            p.locator("#f-workingDays").fill("5");
            p.locator("#finding-form button[type=submit]").click();
            assertThat(p.locator(".finding .finding-status")).hasText("整改中");
            assertThat(p.locator(".finding")).containsText("2026-11-30 前");
            String inspectionUrl = p.url();
            office.screenshot("inspection-01-finding");
            office.logout();
            // the unit reports its rectification (the unit's own account, through the pages)
            try (Browsers.Window unit = Browsers.desktop(api.base())) {
                String handler = "zwfw-" + UUID.randomUUID().toString().substring(0, 6);
                api.as("admin").post("/api/v1/users", java.util.Map.of("username", handler, "displayName", "郑经办",
                        "orgCode", "SF-ZWFW", "roles", java.util.List.of("HANDLER"), "password", Api.PASSWORD))
                        .expect(201);
                unit.login(handler);
                unit.page.navigate(inspectionUrl);
                unit.page.locator(".finding textarea[name=measures]").fill("已印发免提交清单，窗口不再要求复印件");
                unit.page.locator(".finding form button[type=submit]").click();
                assertThat(unit.page.locator(".finding .finding-status")).hasText("已报送整改情况，待核验");
            }
            office.login("office");
            p.navigate(inspectionUrl);
            p.locator(".finding textarea[name=comment]").fill("现场核验属实");
            p.locator(".finding form button[type=submit]").click();
            assertThat(p.locator(".finding .finding-status")).hasText("已核验销号");
            p.locator("#f-summary").fill("发现问题 1 个，已整改销号 1 个。");
            p.locator("#publish-form button[type=submit]").click();
            assertThat(p.locator("#inspection-status")).hasText("结果已公布");
            office.screenshot("inspection-02-published");
            p.navigate("/inspections/ledger");
            assertThat(p.locator("#ledger-table")).containsText("要求企业重复提交已共享的证照材料");

            // an anonymised typical case, reviewed before the portal shows it
            p.navigate("/exposure");
            p.locator("#f-caseNumber").fill(caseNumber);
            p.locator("#f-problemType").fill("重复提交材料");
            p.locator("#f-handling").fill("责令窗口整改，通报批评");
            p.locator("#exposure-form button[type=submit]").click();
            assertThat(p.locator("#exposure-status")).hasText("草稿");
            assertThat(p.locator("#exposure-body")).not().containsText(name);
            p.locator("#submit-form button").click();
            assertThat(p.locator("#exposure-status")).hasText("待审核");
            p.locator("#review-form button[type=submit]").click();
            assertThat(p.locator("#exposure-status")).hasText("已公开");
            office.screenshot("exposure-01-published");

            // a hearing, recorded on the case's timeline
            p.navigate("/hearings");
            p.locator("#f-caseNumber").fill(caseNumber);
            p.locator("#f-subject").fill("重复提交材料的责任认定");
            p.locator("#f-majorReason").fill("涉及多个窗口单位，企业反映集中");
            p.locator("#f-scheduledAt").fill("2026-11-25T09:30");
            p.locator("#f-location").fill("市民中心 5 楼听证室");
            p.locator("#f-presiding").fill("王主任");
            p.locator("#f-participants").fill("监督员代表\n市政务服务局代表");
            p.locator("#unit-SF-ZWFW").check();
            p.locator("#hearing-form button[type=submit]").click();
            assertThat(p.locator("#hearing-status")).hasText("已安排");
            clock.set("2026-11-25T11:00:00+08:00");
            p.locator("#askedBy-0").fill("监督员代表");
            p.locator("#question-0").fill("为何要求提交已共享的材料？");
            p.locator("#answer-0").fill("窗口未及时更新办事指南");
            p.locator("#f-findings").fill("办事指南未随共享清单更新，责任在窗口单位");
            p.locator("#f-outcome").fill("一周内更新办事指南并公示");
            p.locator("#record-form button[type=submit]").click();
            assertThat(p.locator("#hearing-status")).hasText("已举行");
            assertThat(p.locator("#hearing-outcome")).hasText("一周内更新办事指南并公示");
            assertThat(p.locator("#hearing-facts")).containsText("（公开）");
            office.assertEveryFieldLabelled();
            office.screenshot("hearing-01-held");
            p.navigate("/cases/" + caseNumber);
            assertThat(p.locator("body")).containsText("一周内更新办事指南并公示");
            assertThat(office.consoleErrors).isEmpty();
            assertThat(office.external).isEmpty();
        }
        // the portal lists the anonymised case and the published inspection
        try (Browsers.Window phone = Browsers.phone(api.base())) {
            phone.page.navigate("/public/exposure");
            assertThat(phone.page.locator(".exposure-item").first()).containsText("重复提交");
            assertThat(phone.page.locator("body")).not().containsText(name);
            phone.screenshot("exposure-02-portal-phone");
            phone.page.navigate("/public/inspections");
            assertThat(phone.page.locator("body")).containsText("政务服务专项督察");
            phone.screenshot("inspection-03-portal-phone");
        }
    }

    @Test
    void theOfficeHoldsAJointMeetingGathersSuggestionsIntoATaskListAndRemovesAMember() {
        clock.set("2026-11-23T09:00:00+08:00");
        long[] ids = new long[2];
        String[] names = new String[2];
        for (int i = 0; i < 2; i++) {
            names[i] = "钱监督" + UUID.randomUUID().toString().substring(0, 4);
            java.util.Map<String, Object> body = new java.util.HashMap<>(MonitoringApiTest.supervisor("1980-01-01"));
            body.put("name", names[i]);
            ids[i] = api.as("office").post("/api/v1/monitoring/members", body).expect(201).json().get("member")
                    .get("id").asLong();
            for (String step : new String[] {"preliminary-review", "office-review", "approval"}) {
                api.as("office").post("/api/v1/monitoring/members/" + ids[i] + "/" + step,
                        java.util.Map.of("approve", true, "reviewer", "市工商联")).expect(200);
            }
            String user = "jdy-" + UUID.randomUUID().toString().substring(0, 8);
            api.as("office").post("/api/v1/monitoring/members/" + ids[i] + "/account",
                    java.util.Map.of("username", user, "password", Api.PASSWORD)).expect(200);
            api.as(user).post("/api/v1/monitoring/me/reports", java.util.Map.of("kind", "SUGGESTION",
                    "title", names[i] + "的建议：推行涉企检查综合查一次", "content", "同一企业一个月内被不同部门检查多次。"))
                    .expect(201);
        }
        String meeting = "第四季度监督员联席会议 " + UUID.randomUUID().toString().substring(0, 4);
        try (Browsers.Window office = Browsers.desktop(api.base())) {
            Page p = office.page;
            office.login("office");
            p.navigate("/monitoring/meetings");
            p.locator("#f-title").fill(meeting);
            p.locator("#f-theme").fill("涉企检查");
            p.locator("#f-heldAt").fill("2026-11-23T08:00");
            p.locator("#f-location").fill("市民中心 3 楼会议室");
            p.locator("#invite-" + ids[0]).check();
            p.locator("#invite-" + ids[1]).check();
            p.locator("#f-units").fill("示范市市场监督管理局\n国家税务总局示范市税务局");
            p.locator("#meeting-form button[type=submit]").click();
            assertThat(p.locator("#flash")).containsText("已发出联席会议邀请");
            var card = p.locator("[data-meeting]", new Page.LocatorOptions().setHasText(meeting));
            assertThat(card).containsText("列席单位：示范市市场监督管理局、国家税务总局示范市税务局");
            card.locator("input[name=present][value='" + ids[0] + "']").check();
            card.locator("button[type=submit]").click();
            card = p.locator("[data-meeting]", new Page.LocatorOptions().setHasText(meeting));
            assertThat(card.locator("tr", new Locator.LocatorOptions().setHasText(names[0]))).containsText("出席");
            assertThat(card.locator("tr", new Locator.LocatorOptions().setHasText(names[1]))).containsText("缺席");
            office.assertEveryFieldLabelled();
            office.screenshot("monitoring-05-meeting");

            p.navigate("/monitoring/task-lists");
            p.locator("label", new Page.LocatorOptions().setHasText(names[0] + "的建议")).click();
            p.locator("label", new Page.LocatorOptions().setHasText(names[1] + "的建议")).click();
            p.locator("#f-title").fill("规范涉企检查");
            p.locator("#f-requirements").fill("请市场监管局牵头，15 个工作日内提出综合查一次方案");
            p.locator("#task-list-form button[type=submit]").click();
            assertThat(p.locator("#flash")).containsText("已生成交办单〔2026〕");
            assertThat(p.locator("#task-list-list li").first()).containsText("2 条建议");
            office.screenshot("monitoring-06-task-list");

            p.navigate("/monitoring/members/" + ids[1]);
            p.locator("#removal-form button[type=submit]").click();
            assertThat(p.locator("#err-removal-reason")).hasText("理由不能为空");
            assertThat(p.locator("#err-exit-reason")).isEmpty();
            p.locator("#f-removal-reason").fill("以监督员名义为本企业谋取私利");
            p.locator("#removal-form button[type=submit]").click();
            assertThat(p.locator("#member-status")).hasText("取消资格");
            assertThat(p.locator("#member-steps li").last()).containsText("谋取私利");
            assertThat(office.consoleErrors).isEmpty();
        }
    }

    private static void fillNomination(Page p, String name, String birthDate) {
        p.locator("#f-kind").selectOption("SUPERVISOR");
        p.locator("#f-category").selectOption("ENTERPRISE_REPRESENTATIVE");
        p.locator("#f-name").fill(name);
        p.locator("#f-workUnit").fill("示范市某某科技有限公司");
        p.locator("#f-birthDate").fill(birthDate);
        p.locator("#f-phone").fill(Cases.mobile());
        p.locator("#f-recommendedBy").fill("市工商联");
    }
}
