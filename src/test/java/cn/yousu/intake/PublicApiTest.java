package cn.yousu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public side: submission, tracking by number and code, material, withdrawal, evaluation, escalation, directory. */
class PublicApiTest extends ApiTest {


    @Test
    void anEnterpriseSubmitsOnThePortalAndTracksItWithItsCode() {
        String pdf = api.anonymous().upload("/api/v1/public/attachments", "收费票据.pdf", "%PDF-1.7 receipt".getBytes())
                .expect(201).text("id");
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        body.remove("channel");
        body.put("attachmentIds", List.of(pdf));
        JsonNode receipt = api.anonymous().post("/api/v1/public/cases", body).expect(201).json();
        String number = receipt.get("number").asString();
        String code = receipt.get("trackingCode").asString();
        assertThat(receipt.get("status").asString()).isEqualTo("REGISTERED");

        JsonNode staff = cases.get("office", number);
        assertThat(staff.get("channel").asString()).isEqualTo("PORTAL");
        assertThat(staff.get("attachments").get(0).get("filename").asString()).isEqualTo("收费票据.pdf");
        assertThat(staff.get("suggestions").get("missingConditions").toString()).doesNotContain("EVIDENCE");
        assertThat(staff.get("timeline").get(0).get("actor").asString()).isEqualTo("complainant");

        JsonNode tracked = api.anonymous().get("/api/v1/public/cases/" + number + "?code=" + code).expect(200).json();
        assertThat(tracked.get("statusText").asString()).isEqualTo("已登记，等待受理");
        assertThat(tracked.get("firstReplyDueAt").asString()).isEqualTo("2026-11-30T23:59:59+08:00");
        assertThat(tracked.get("timeline").get(0).get("text").asString()).contains(number);
        assertThat(tracked.toString()).doesNotContain("office").doesNotContain("王受理");
        // the code is case-insensitive for people reading it out, but a wrong one is a 404 without a hint
        api.anonymous().get("/api/v1/public/cases/" + number + "?code=" + code.toLowerCase()).expect(200);
        api.anonymous().get("/api/v1/public/cases/" + number + "?code=ABCDEFGH").problem(404);
        api.anonymous().get("/api/v1/public/cases/SF-2026-999999?code=" + code).problem(404);
    }

    @Test
    void theComplainantAddsMaterialAndWithdraws() {
        Cases.Registered r = cases.inProgress();
        String base = "/api/v1/public/cases/" + r.number();
        JsonNode withMaterial = api.anonymous().post(base + "/materials?code=" + r.code(),
                Map.of("content", "补充：窗口工作人员 9 月 5 日的回复截图", "objection", false)).expect(200).json();
        assertThat(withMaterial.get("timeline").toString()).contains("您补充了材料");
        assertThat(cases.get("scjg", r.number()).get("materials").get(0).get("content").asString()).contains("截图");
        JsonNode withdrawn = api.anonymous().post(base + "/withdraw?code=" + r.code(), Map.of("reason", "问题已自行解决"))
                .expect(200).json();
        assertThat(withdrawn.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(cases.get("office", r.number()).get("termination").get("reason").asString()).isEqualTo("WITHDRAWN");
        api.anonymous().post(base + "/withdraw?code=" + r.code(), Map.of()).problem(409);
    }

    @Test
    void theComplainantEvaluatesWhenTheCaseWaitsForAVisit() {
        Cases.Registered early = cases.inProgress();
        api.anonymous().post("/api/v1/public/cases/" + early.number() + "/evaluate?code=" + early.code(),
                Map.of("satisfaction", "SATISFIED")).problem(409);
        Cases.Registered r = cases.visiting("2026-11-23");
        JsonNode tracked = api.anonymous().get("/api/v1/public/cases/" + r.number() + "?code=" + r.code()).json();
        assertThat(tracked.get("allowedActions").toString()).contains("evaluate");
        assertThat(tracked.get("result").get("finding").asString()).isEqualTo("属实");
        JsonNode evaluated = api.anonymous().post("/api/v1/public/cases/" + r.number() + "/evaluate?code=" + r.code(),
                Map.of("satisfaction", "VERY_SATISFIED", "comment", "办理迅速")).expect(200).json();
        assertThat(evaluated.get("status").asString()).isEqualTo("CLOSED");
        assertThat(cases.get("office", r.number()).get("visits").get(0).get("byComplainant").asBoolean()).isTrue();
    }

    @Test
    void anOverdueDistrictCaseIsEscalatedToTheCityOffice() {
        Cases.Registered r = cases.register("dc-office", Cases.complaint("SF-DC", "SF-DC-SCJG"));
        // the district office did not accept in time
        clock.set("2026-11-25T09:00:00+08:00");
        JsonNode escalated = api.anonymous().post("/api/v1/public/cases/" + r.number() + "/escalate?code=" + r.code(),
                Map.of("reason", "OVERDUE", "comment", "区营商办逾期未受理")).expect(200).json();
        assertThat(escalated.get("handlingOffice").asString()).isEqualTo("示范市营商办");
        JsonNode staff = cases.get("office", r.number());
        assertThat(staff.get("officeRegionCode").asString()).isEqualTo("SF");
        assertThat(staff.get("escalations").get(0).get("reason").asString()).isEqualTo("OVERDUE");
        // the city office now handles it; the district still sees it
        assertThat(cases.actions("office", r.number())).contains("accept");
        api.as("dc-office").get("/api/v1/cases/" + r.number()).expect(200);
        assertThat(cases.actions("dc-office", r.number())).doesNotContain("accept");
        // and the city is the top: no further escalation
        api.anonymous().post("/api/v1/public/cases/" + r.number() + "/escalate?code=" + r.code(),
                Map.of("reason", "UNFAIR")).problem(409);
    }

    @Test
    void theContactDirectoryListsEveryUnitsComplaintPhone() {
        JsonNode all = api.anonymous().get("/api/v1/public/units?regionCode=SF").expect(200).json();
        assertThat(all.valueStream().map(u -> u.get("code").asString()).toList())
                .contains("SF-YSB", "SF-SCJG", "SF-SW", "SF-ZJ").doesNotContain("SF-DC-SCJG", "SF-GOV", "SYSTEM");
        JsonNode scjg = all.valueStream().filter(u -> u.get("code").asString().equals("SF-SCJG")).findFirst()
                .orElseThrow();
        assertThat(scjg.get("complaintPhone").asString()).isEqualTo("0999-12315");
        assertThat(scjg.get("contactPerson").asString()).isNotBlank();
        assertThat(api.anonymous().get("/api/v1/public/units?regionCode=NOPE").problem(400).errorFields())
                .containsExactly("regionCode");
    }

    @Test
    void anAgentNeedsAPowerOfAttorney() {
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        body.put("channel", "QR_CODE");
        body.put("agent", Map.of("name", "李律师", "phone", "13900000000"));
        assertThat(api.anonymous().post("/api/v1/public/cases", body).problem(400).errorFields())
                .containsExactly("agent.powerOfAttorneyAttachmentId");
        String poa = api.anonymous().upload("/api/v1/public/attachments", "授权委托书.pdf", "%PDF-1.4 poa".getBytes())
                .expect(201).text("id");
        body.put("agent", Map.of("name", "李律师", "phone", "13900000000", "powerOfAttorneyAttachmentId", poa));
        String number = api.anonymous().post("/api/v1/public/cases", body).expect(201).text("number");
        JsonNode c = cases.get("office", number);
        assertThat(c.get("agent").get("name").asString()).isEqualTo("李律师");
        assertThat(c.get("attachments").get(0).get("id").asString()).isEqualTo(poa);
        // an attachment belongs to one case only
        body.put("agent", Map.of("name", "李律师", "phone", "13900000000", "powerOfAttorneyAttachmentId", poa));
        assertThat(api.anonymous().post("/api/v1/public/cases", body).problem(400).errorFields())
                .containsExactly("agent.powerOfAttorneyAttachmentId");
    }
}
