package cn.yousu.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import cn.yousu.support.Pages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public portal over HTTP: home, step checks, submission and receipt, tracking and the complainant's actions. */
class PortalPagesTest extends ApiTest {

    @BeforeEach
    void setUp() {
        clock.set("2026-09-30T10:00:00+08:00");
    }

    static Map<String, Object> submission(String creditCode, String phone) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("channel", "PORTAL");
        form.put("complainant.type", "ENTERPRISE");
        form.put("complainant.companyName", "示范门户测试有限公司");
        form.put("complainant.creditCode", creditCode);
        form.put("complainant.name", "李经理");
        form.put("complainant.phone", phone);
        form.put("regionCode", "SF");
        form.put("kind", "COMPLAINT");
        form.put("respondent.unitCode", "SF-SCJG");
        form.put("title", "食品经营许可证延续申请超期未办");
        form.put("facts", "8月20日提交食品经营许可证延续申请，材料齐全，至今超过法定时限仍未办结，窗口答复等通知。");
        form.put("request", "请尽快办理并说明超期原因");
        return form;
    }

    @Test
    void theHomePageExplainsTheScopeAndShowsTheChannelsAndAQrCode() {
        Pages.Page home = new Pages(port).get("/").expect(200);
        assertThat(home.body()).contains("可以反映什么", "行政许可、政务服务申请不予受理或未按规定程序和时限办理",
                "属于经营主体之间或与其他组织、个人之间的民事纠纷", "示范市营商办", "0999-12345", "<svg", "class=\"qr\"");
        Pages.Page directory = new Pages(port).get("/public/units").expect(200);
        assertThat(directory.body()).contains("示范市市场监督管理局", "0999-12315", "陈科长");
    }

    @Test
    void eachStepIsCheckedWithTheSameRulesAsTheSubmission() {
        Pages portal = new Pages(port);
        portal.get("/public/submit").expect(200);
        Map<String, Object> form = submission("91350100M000100Y4X", "1381234567");
        Pages.Page step1 = portal.htmxPost("/public/submit/check?step=1", form).expect(200);
        assertThat(step1.header("HX-Trigger")).isNull();
        assertThat(step1.body()).containsPattern("id=\"err-f-complainant-creditCode\"[^>]*>[^<]*校验")
                .containsPattern("id=\"err-f-complainant-phone\"[^>]*>[^<]+<")
                .containsPattern("id=\"err-f-complainant-name\"[^>]*></div>");
        Pages.Page fixed = portal.htmxPost("/public/submit/check?step=1", submission(Cases.creditCode(), Cases.mobile()));
        assertThat(fixed.header("HX-Trigger")).contains("stepChecked").contains("2");
        Pages.Page one = portal.htmxPost("/public/submit/check?field=complainant.phone", form);
        assertThat(one.body()).contains("err-f-complainant-phone").doesNotContain("err-f-complainant-creditCode");
    }

    @Test
    void aSubmissionGivesAReceiptAndTheTrackingPageFollowsTheCase() {
        Pages portal = new Pages(port);
        portal.get("/public/submit");
        Pages.Page receipt = portal.post("/public/submit", submission(Cases.creditCode(), Cases.mobile())).expect(200);
        String number = match(receipt.body(), "id=\"receipt-number\">([^<]+)<");
        String code = match(receipt.body(), "id=\"receipt-code\">([^<]+)<");
        assertThat(number).matches("SF-2026-\\d{6}");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{8}");
        assertThat(receipt.body()).contains("<svg", "/track?number=" + number + "&amp;code=" + code);

        Pages.Page track = new Pages(port).get("/track?number=" + number + "&code=" + code).expect(200);
        assertThat(track.body()).contains("已登记，等待受理", "食品经营许可证延续申请超期未办", "id=\"withdraw\"")
                .doesNotContain("id=\"evaluate\"");
        Pages stranger = new Pages(port);
        stranger.get("/track").expect(200);
        Pages.Page wrong = stranger.post("/track", Map.of("number", number, "code", "AAAAAAAA"));
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.body()).contains("诉求编号或查询码不正确");
    }

    @Test
    void aBadSubmissionComesBackWithTheMessagesAndChangesNothing() {
        Pages portal = new Pages(port);
        portal.get("/public/submit");
        Map<String, Object> form = submission("123", "12");
        form.remove("title");
        Pages.Page answer = portal.post("/public/submit", form);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("请按提示修改后再提交", "标题不能为空").containsPattern("data-start=\"1\"")
                .doesNotContain("receipt-number");
    }

    @Test
    void theComplainantEvaluatesWhenTheCaseWaitsForTheVisit() {
        Cases.Registered r = cases.visiting("2026-09-30");
        Pages portal = new Pages(port);
        Pages.Page track = portal.get("/track?number=" + r.number() + "&code=" + r.code()).expect(200);
        assertThat(track.body()).contains("id=\"evaluate\"", "非常满意", "非常不满意", "已于当日办结变更登记");
        Pages.Page refused = portal.htmxPost("/track/evaluate", Map.of("number", r.number(), "code", r.code()));
        assertThat(refused.body()).containsPattern("id=\"err-e-satisfaction\"[^>]*>满意度不能为空");
        Pages.Page done = portal.htmxPost("/track/evaluate",
                Map.of("number", r.number(), "code", r.code(), "satisfaction", "SATISFIED", "comment", "办得很快"));
        assertThat(done.body()).contains("感谢您的评价", "已办结");
        assertThat(cases.get("office", r.number()).get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void theOfficeRegistersAPhoneCallWithTheSameChecks() {
        Pages office = Pages.signedIn(port, "office");
        assertThat(office.get("/register").expect(200).body()).contains("来源渠道", "12345 热线");
        Map<String, Object> form = submission(Cases.creditCode(), Cases.mobile());
        form.put("channel", "HOTLINE");
        form.put("externalRef", "RX-1");
        Pages.Page bad = office.post("/register", Map.of("channel", "HOTLINE", "complainant.phone", "12"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("标题不能为空");
        Pages.Page done = office.post("/register", form);
        String location = done.expect(302).header("Location");
        assertThat(location).matches(".*/cases/SF-2026-\\d{6}");
        assertThat(office.get(location.substring(location.indexOf("/cases/"))).body()).contains("查询码", "RX-1")
                .contains("食品经营许可证延续申请超期未办");
        assertThat(Pages.signedIn(port, "scjg").get("/register").status()).isEqualTo(403);
    }

    @Test
    void theComplainantAddsMaterialGoesToTheUpperOfficeAndWithdraws() {
        Cases.Registered r = cases.register("dc-office", Cases.complaint("SF-DC", "SF-DC-SCJG"));
        Pages portal = new Pages(port);
        Pages.Page track = portal.get("/track?number=" + r.number() + "&code=" + r.code()).expect(200);
        assertThat(track.body()).contains("id=\"materials\"", "id=\"escalate\"", "id=\"withdraw\"");
        Pages.Page material = portal.htmxPost("/track/materials", Map.of("number", r.number(), "code", r.code(),
                "content", "补充：窗口工作人员要求另交一份已提交过的材料", "objection", "false")).expect(200);
        assertThat(material.body()).contains("材料已提交", "您补充了材料");
        Pages.Page refused = portal.htmxPost("/track/escalate", Map.of("number", r.number(), "code", r.code(),
                "reason", "OVERDUE"));
        assertThat(refused.body()).containsPattern("id=\"err-x-reason\"[^>]*>案件未逾期");
        Pages.Page escalated = portal.htmxPost("/track/escalate", Map.of("number", r.number(), "code", r.code(),
                "reason", "UNFAIR", "comment", "区里处理不公"));
        assertThat(escalated.body()).contains("已转上级营商办直接处理", "示范市营商办").doesNotContain("id=\"escalate\"");
        Pages.Page withdrawn = portal.htmxPost("/track/withdraw", Map.of("number", r.number(), "code", r.code(),
                "reason", "已协商解决"));
        assertThat(withdrawn.body()).contains("诉求已撤回", "已终结").doesNotContain("id=\"withdraw\"");
        assertThat(cases.get("office", r.number()).get("status").asString()).isEqualTo("TERMINATED");
    }

    @Test
    void anAgentNeedsAPowerOfAttorney() {
        Pages portal = new Pages(port);
        portal.get("/public/submit");
        Map<String, Object> form = submission(Cases.creditCode(), Cases.mobile());
        form.put("agent.name", "赵律师");
        form.put("agent.phone", Cases.mobile());
        Pages.Page refused = portal.post("/public/submit", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("id=\"err-f-agent-powerOfAttorneyAttachmentId\"[^>]*>委托他人代理投诉的")
                .contains("data-start=\"1\"");
        String poa = api.anonymous().upload("/api/v1/public/attachments", "授权委托书.pdf",
                "%PDF-1.4 委托书".getBytes(java.nio.charset.StandardCharsets.UTF_8)).expect(201).text("id");
        form.put("agent.powerOfAttorneyAttachmentId", poa);
        Pages.Page receipt = portal.post("/public/submit", form).expect(200);
        String number = match(receipt.body(), "id=\"receipt-number\">([^<]+)<");
        assertThat(cases.get("office", number).get("agent").get("name").asString()).isEqualTo("赵律师");
    }

    private static String match(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertThat(m.find()).as("%s in the page", regex).isTrue();
        return m.group(1);
    }
}
