package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.Api;
import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad input on every endpoint gets a 400 problem naming each bad field, and changes nothing: the case keeps its
 * version and its timeline.
 */
class ValidationApiTest extends ApiTest {


    void refused(String user, String number, String action, Object body, String... fields) {
        JsonNode before = cases.get("office", number);
        Api.Response r = api.as(user).post("/api/v1/cases/" + number + "/" + action, body).problem(400);
        assertThat(r.errorFields()).as("%s %s", action, r.body()).containsExactlyInAnyOrder(fields);
        r.json().get("errors").forEach(e -> assertThat(e.get("message").asString()).isNotBlank());
        JsonNode after = cases.get("office", number);
        assertThat(after.get("version").asInt()).as("version after bad %s", action)
                .isEqualTo(before.get("version").asInt());
        assertThat(after.get("timeline")).hasSize(before.get("timeline").size());
        assertThat(after.get("status").asString()).isEqualTo(before.get("status").asString());
    }

    @Test
    void registrationNamesEveryBadField() {
        Map<String, Object> complainant = new HashMap<>();
        complainant.put("type", "ENTERPRISE");
        complainant.put("creditCode", "91350100M000100Y44");
        complainant.put("phone", "12345");
        complainant.put("email", "not-an-email");
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "HOTLINE");
        body.put("regionCode", "NOWHERE");
        body.put("categoryCode", "NOPE");
        body.put("title", "x".repeat(101));
        body.put("complainant", complainant);
        body.put("agent", Map.of("name", "李律师", "phone", "13900000000"));
        body.put("respondent", Map.of("unitCode", "NO-SUCH-UNIT"));
        Api.Response r = api.as("office").post("/api/v1/cases", body).problem(400);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("kind", "regionCode", "categoryCode", "title", "facts",
                "complainant.name", "complainant.companyName", "complainant.creditCode", "complainant.phone",
                "complainant.email", "agent.powerOfAttorneyAttachmentId", "respondent.unitCode");
        assertThat(r.json().toString()).contains("校验位");

        // a value of the wrong type or an unknown code is named by its path
        Map<String, Object> wrongEnum = Cases.complaint("SF", "SF-SCJG");
        wrongEnum.put("channel", "TELEGRAPH");
        Api.Response e = api.as("office").post("/api/v1/cases", wrongEnum).problem(400);
        assertThat(e.errorFields()).containsExactly("channel");
        assertThat(e.json().get("errors").get(0).get("message").asString()).contains("HOTLINE");
        Map<String, Object> wrongNested = Cases.complaint("SF", "SF-SCJG");
        wrongNested.put("complainant", Map.of("type", "ALIEN"));
        assertThat(api.as("office").post("/api/v1/cases", wrongNested).problem(400).errorFields())
                .containsExactly("complainant.type");
        assertThat(api.as("office").post("/api/v1/cases", "{not json").problem(400).errorFields())
                .containsExactly("body");
        assertThat(api.as("office").post("/api/v1/cases", "").problem(400).errorFields()).containsExactly("body");
        // attachments must exist
        Map<String, Object> withFiles = Cases.complaint("SF", "SF-SCJG");
        withFiles.put("attachmentIds", List.of("00000000-0000-0000-0000-000000000000"));
        assertThat(api.as("office").post("/api/v1/cases", withFiles).problem(400).errorFields())
                .containsExactly("attachmentIds[0]");
    }

    @Test
    void officeActionsNameTheirBadFields() {
        Cases.Registered r = cases.register();
        String n = r.number();
        refused("office", n, "accept", Map.of(), "kind", "complexity", "categoryCode");
        refused("office", n, "accept", Map.of("kind", "COMPLAINT", "complexity", "GENERAL", "categoryCode", "NOPE"),
                "categoryCode");
        refused("office", n, "accept", "{\"kind\":\"COMPLAINT\",\"complexity\":\"HARD\"}", "complexity");
        refused("office", n, "reject", Map.of(), "reasons", "explanation");
        refused("office", n, "reject", "{\"reasons\":[\"BORED\"],\"explanation\":\"x\"}", "reasons[0]");
        refused("office", n, "transfer-out", Map.of("explanation", "x"), "target");
        refused("office", n, "transfer-down", Map.of("regionCode", "SF-NOWHERE"), "regionCode");
        refused("office", n, "terminate", Map.of(), "reason", "comment");
        cases.accept(n, "GENERAL");
        refused("office", n, "assign", Map.of(), "leadUnitCode");
        refused("office", n, "assign", Map.of("leadUnitCode", "SF-DC-SCJG", "cooperatingUnitCodes",
                List.of("SF-SW", "SF-GOV", "SF-SW")), "leadUnitCode", "cooperatingUnitCodes[1]", "cooperatingUnitCodes");
        refused("office", n, "assign", Map.of("leadUnitCode", "SF-SCJG", "cooperatingUnitCodes", List.of("SF-SCJG")),
                "cooperatingUnitCodes[0]");
        refused("office", n, "supervise", Map.of(), "level", "content");
        refused("office", n, "refer", Map.of(), "target", "reason");
    }

    @Test
    void unitActionsNameTheirBadFields() {
        Cases.Registered r = cases.register();
        String n = r.number();
        cases.accept(n, "GENERAL");
        cases.assign(n, "SF-SCJG", "SF-SW");
        refused("scjg", n, "return", Map.of(), "reason");
        cases.act("scjg", n, "sign", Map.of());
        refused("scjg", n, "initial-reply", Map.of(), "content", "method");
        refused("sw", n, "cooperate", Map.of("opinion", " "), "opinion");
        refused("scjg", n, "request-extension", Map.of("workingDays", 0), "workingDays", "reason");
        refused("scjg", n, "request-extension", "{\"workingDays\":\"three\",\"reason\":\"x\"}", "workingDays");
        refused("scjg", n, "suspend", Map.of(), "reason");
        refused("scjg", n, "suspend", Map.of("reason", "LEGAL_OTHER"), "comment");
        refused("scjg", n, "draft-result", Map.of(), "finding", "verification", "measures", "feedback");
        Map<String, Object> result = Cases.result("2026-11-24");
        result.put("feedback", Map.of("at", "2026-11-24", "method", "", "attitude", "DISSATISFIED"));
        refused("scjg", n, "draft-result", result, "feedback.at", "feedback.method", "dissatisfactionReason",
                "nextSteps");
        Map<String, Object> badDate = Cases.result("2026-11-23");
        badDate.put("feedback", Map.of("at", "23/11/2026", "method", "电话", "attitude", "SATISFIED"));
        refused("scjg", n, "draft-result", badDate, "feedback.at");
        Map<String, Object> tooLong = Cases.result("2026-11-23");
        tooLong.put("measures", "措".repeat(2001));
        refused("scjg", n, "draft-result", tooLong, "measures");
        cases.act("office", n, "supervise", Map.of("level", "NOTICE", "content", "请加快"));
        refused("scjg", n, "reply-supervision", Map.of("supervisionId", 99), "supervisionId", "content");
    }

    @Test
    void reviewVisitAndConclusionNameTheirBadFields() {
        Cases.Registered r = cases.inProgress();
        String n = r.number();
        cases.act("scjg", n, "request-extension", Map.of("workingDays", 1, "reason", "需补充材料"));
        refused("office", n, "decide-extension", Map.of(), "approve");
        cases.submitResult(n, "2026-11-23");
        refused("office", n, "review", Map.of(), "approve");
        refused("office", n, "review", Map.of("approve", false), "failedChecks", "comment");
        refused("office", n, "review", Map.of("approve", true, "failedChecks", List.of("FACTS_CLEAR")), "failedChecks");
        cases.act("office", n, "review", Map.of("approve", true));
        refused("office", n, "visit", Map.of(), "reached", "method");
        refused("office", n, "visit", Map.of("reached", true, "method", "电话"), "satisfaction");
        refused("office", n, "visit", Map.of("reached", false, "method", "电话", "satisfaction", "SATISFIED"),
                "satisfaction");
        refused("office", n, "visit", Map.of("reached", true, "method", "电话", "satisfaction", "MEH"), "satisfaction");
        cases.act("office", n, "visit", Map.of("reached", true, "method", "电话", "satisfaction", "DISSATISFIED"));
        refused("scjg", n, "explain", Map.of(), "explanation");
        cases.act("scjg", n, "explain", Map.of("explanation", "已按规定办理"));
        refused("office", n, "conclude", Map.of(), "rehandle");
        refused("office", n, "conclude", Map.of("rehandle", false), "comment");
    }

    @Test
    void publicEndpointsNameTheirBadFields() {
        Cases.Registered r = cases.visiting("2026-11-23");
        String base = "/api/v1/public/cases/" + r.number();
        assertThat(api.anonymous().post(base + "/materials?code=" + r.code(), Map.of()).problem(400).errorFields())
                .containsExactly("content");
        assertThat(api.anonymous().post(base + "/evaluate?code=" + r.code(), Map.of()).problem(400).errorFields())
                .containsExactly("satisfaction");
        // escalation goes from a district office to the city's
        Cases.Registered district = cases.register("dc-office", Cases.complaint("SF-DC", "SF-DC-SCJG"));
        String escalate = "/api/v1/public/cases/" + district.number() + "/escalate?code=" + district.code();
        assertThat(api.anonymous().post(escalate, Map.of()).problem(400).errorFields()).containsExactly("reason");
        assertThat(api.anonymous().post(escalate, Map.of("reason", "OVERDUE")).problem(400).errorFields())
                .containsExactly("reason");
        assertThat(api.anonymous().post(base + "/withdraw?code=" + r.code(), Map.of("reason", "x".repeat(5001)))
                .problem(400).errorFields()).containsExactly("reason");
        assertThat(api.anonymous().get(base).problem(400).errorFields()).containsExactly("code");
        assertThat(cases.get("office", r.number()).get("status").asString()).isEqualTo("VISITING");

        Map<String, Object> submission = Cases.complaint("SF", "SF-SCJG");
        submission.remove("respondent");
        submission.remove("request");
        submission.put("channel", "HOTLINE");
        assertThat(api.anonymous().post("/api/v1/public/cases", submission).problem(400).errorFields())
                .containsExactlyInAnyOrder("channel", "request", "respondent.name");
    }

    @Test
    void listFiltersNameTheirBadParameters() {
        Api.Response r = api.as("office").get("/api/v1/cases?status=OPEN&channel=FAX&from=2026-13-01&to=x&size=0"
                + "&cursor=%25%25&overdue=maybe&regionCode=NOPE&unitCode=NOPE").problem(400);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("status", "channel", "from", "to", "size", "cursor",
                "overdue", "regionCode", "unitCode");
    }

    @Test
    void uploadsAreCheckedByTypeContentAndSize() {
        assertThat(api.as("office").upload("/api/v1/attachments", "virus.exe", new byte[] {'M', 'Z'}).problem(400)
                .errorFields()).containsExactly("file");
        assertThat(api.as("office").upload("/api/v1/attachments", "fake.pdf", "not a pdf".getBytes()).problem(400)
                .json().get("errors").get(0).get("message").asString()).contains("不符");
        api.as("office").upload("/api/v1/attachments", "big.pdf", new byte[21 * 1024 * 1024]).problem(413);
        JsonNode ok = api.as("office").upload("/api/v1/attachments", "合同.pdf", "%PDF-1.4 test".getBytes()).expect(201)
                .json();
        assertThat(ok.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(ok.get("filename").asString()).isEqualTo("合同.pdf");
    }
}
