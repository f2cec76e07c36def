package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.Api;
import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every branch of the lifecycle (DESIGN §4) through HTTP, with the rules that guard each one. */
class BranchesApiTest extends ApiTest {


    @Test
    void rejectionRecordsReasonCodesAndExplainsItToTheComplainant() {
        Cases.Registered r = cases.register();
        JsonNode rejected = cases.act("office", r.number(), "reject", Map.of("reasons",
                List.of("CIVIL_DISPUTE", "LEGAL_PROCEEDINGS"), "explanation", "该事项属于企业之间的合同纠纷，请通过诉讼解决。"));
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejection").get("reasons").toString()).contains("CIVIL_DISPUTE", "LEGAL_PROCEEDINGS");
        JsonNode tracked = api.anonymous().get("/api/v1/public/cases/" + r.number() + "?code=" + r.code()).expect(200)
                .json();
        assertThat(tracked.get("statusName").asString()).isEqualTo("不予受理");
        assertThat(tracked.get("result").get("rejectionReasons").asString()).contains("民事纠纷");
        assertThat(tracked.get("result").get("explanation").asString()).contains("请通过诉讼解决");
        // a rejected case can only be archived
        assertThat(cases.actions("office", r.number())).containsExactly("refer", "archive");
        cases.act("office", r.number(), "archive", Map.of());
    }

    @Test
    void aMatterOutsideScopeIsTransferredToAnotherChannel() {
        Cases.Registered r = cases.register();
        JsonNode out = cases.act("office", r.number(), "transfer-out",
                Map.of("target", "12345 政务服务便民热线", "explanation", "该诉求属于物业服务纠纷，已转 12345 热线办理。"));
        assertThat(out.get("status").asString()).isEqualTo("TRANSFERRED_OUT");
        assertThat(out.get("transferOut").get("target").asString()).isEqualTo("12345 政务服务便民热线");
    }

    @Test
    void aConsultationIsAnsweredAtOnceAndOnlyAConsultation() {
        Map<String, Object> body = Cases.complaint("SF", "SF-SW");
        body.put("kind", "CONSULTATION");
        body.put("title", "小规模纳税人减免政策咨询");
        Cases.Registered r = cases.register("office", body);
        JsonNode answered = cases.act("office", r.number(), "answer", Map.of("answer", "月销售额 10 万元以下免征增值税。"));
        assertThat(answered.get("status").asString()).isEqualTo("CLOSED");
        assertThat(answered.get("answer").get("answer").asString()).contains("免征增值税");

        Cases.Registered complaint = cases.register();
        api.as("office").post("/api/v1/cases/" + complaint.number() + "/answer", Map.of("answer", "x")).problem(409)
                .json().get("detail").asString().contains("咨询");
    }

    @Test
    void aUnitReturnsACaseThatIsNotItsDutyAndTheOfficeDispatchesAgain() {
        Cases.Registered r = cases.register();
        cases.accept(r.number(), "GENERAL");
        cases.assign(r.number(), "SF-SW");
        JsonNode returned = cases.act("sw", r.number(), "return", Map.of("reason", "营业执照登记属于市场监管部门职责"));
        assertThat(returned.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(returned.has("leadUnitCode")).isFalse();
        assertThat(returned.get("returns").get(0).get("unitCode").asString()).isEqualTo("SF-SW");
        // the returning unit no longer sees the case
        api.as("sw").get("/api/v1/cases/" + r.number()).problem(404);
        cases.assign(r.number(), "SF-SCJG");
        assertThat(cases.get("scjg", r.number()).get("status").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void cooperatingUnitsGiveOpinionsButCannotActForTheLeadUnit() {
        Cases.Registered r = cases.register();
        cases.accept(r.number(), "GENERAL");
        cases.assign(r.number(), "SF-SCJG", "SF-SW");
        api.as("sw").post("/api/v1/cases/" + r.number() + "/sign").problem(403);
        cases.act("scjg", r.number(), "sign", Map.of());
        JsonNode c = cases.act("sw", r.number(), "cooperate", Map.of("opinion", "经查，该企业无欠税记录。"));
        assertThat(c.get("cooperation").get(0).get("unitCode").asString()).isEqualTo("SF-SW");
        assertThat(cases.actions("sw", r.number())).containsExactly("cooperate");
        api.as("sw").post("/api/v1/cases/" + r.number() + "/draft-result", Cases.result("2026-11-23")).problem(403);
    }

    @Test
    void transferDownGivesTheCaseToTheDistrictWhileTheCityKeepsOversight() {
        Cases.Registered r = cases.register("office", Cases.complaint("SF", "SF-SCJG"));
        JsonNode down = cases.act("office", r.number(), "transfer-down", Map.of("regionCode", "SF-DC"));
        assertThat(down.get("officeRegionCode").asString()).isEqualTo("SF-DC");
        assertThat(down.get("oversightRegionCode").asString()).isEqualTo("SF");
        // the district office now handles it
        cases.act("dc-office", r.number(), "accept",
                Map.of("kind", "COMPLAINT", "complexity", "GENERAL", "categoryCode", "LICENSE_DELAY"));
        cases.act("dc-office", r.number(), "assign", Map.of("leadUnitCode", "SF-DC-SCJG"));
        // the city office can no longer dispatch, but still sees and supervises it
        assertThat(cases.actions("office", r.number())).containsExactlyInAnyOrder("supervise", "refer");
        JsonNode supervised = cases.act("office", r.number(), "supervise",
                Map.of("level", "REMINDER", "content", "请东城区抓紧办理"));
        assertThat(supervised.get("supervisions").get(0).get("level").asString()).isEqualTo("REMINDER");
        // transfer down only goes down
        Cases.Registered dc = cases.register("dc-office", Cases.complaint("SF-DC", "SF-DC-SCJG"));
        api.as("dc-office").post("/api/v1/cases/" + dc.number() + "/transfer-down", Map.of("regionCode", "SF"))
                .problem(409);
        api.as("office").post("/api/v1/cases/" + r.number() + "/transfer-down", Map.of("regionCode", "SF-XC"))
                .problem(403);
    }

    @Test
    void extensionsAreAskedBeforeTheDeadlineCappedAtOnceTheLimitAndDecidedByTheOffice() {
        clock.set("2026-09-28T10:00:00+08:00");
        Cases.Registered r = cases.inProgress();
        JsonNode c = cases.get("scjg", r.number());
        // 09-29, 09-30, 10-08, 10-09 and the make-up Saturday 10-10
        assertThat(c.get("dueAt").asString()).isEqualTo("2026-10-10T23:59:59+08:00");
        assertThat(c.get("extension").get("capWorkingDays").asInt()).isEqualTo(5);

        // more than the cap is refused and names the field
        assertThat(api.as("scjg").post("/api/v1/cases/" + r.number() + "/request-extension",
                Map.of("workingDays", 6, "reason", "需现场核查")).problem(400).errorFields()).containsExactly("workingDays");
        cases.act("scjg", r.number(), "request-extension", Map.of("workingDays", 3, "reason", "需协调住建部门现场核查"));
        // one request at a time
        api.as("scjg").post("/api/v1/cases/" + r.number() + "/request-extension",
                Map.of("workingDays", 1, "reason", "x")).problem(409);
        // decided by the office, not by the unit
        api.as("scjg").post("/api/v1/cases/" + r.number() + "/decide-extension", Map.of("approve", true)).problem(403);
        JsonNode approved = cases.act("office", r.number(), "decide-extension", Map.of("approve", true, "comment", "同意"));
        // 10-10 + 3 working days: 10-12, 10-13, 10-14
        assertThat(approved.get("dueAt").asString()).isEqualTo("2026-10-14T23:59:59+08:00");
        assertThat(approved.get("extension").get("remainingWorkingDays").asInt()).isEqualTo(2);

        // a refused request leaves the deadline alone; a refusal needs a reason
        cases.act("scjg", r.number(), "request-extension", Map.of("workingDays", 2, "reason", "仍需补充材料"));
        assertThat(api.as("office").post("/api/v1/cases/" + r.number() + "/decide-extension",
                Map.of("approve", false)).problem(400).errorFields()).containsExactly("comment");
        JsonNode refused = cases.act("office", r.number(), "decide-extension",
                Map.of("approve", false, "comment", "理由不充分，请按期办结"));
        assertThat(refused.get("dueAt").asString()).isEqualTo("2026-10-14T23:59:59+08:00");

        // after the deadline no extension can be asked
        clock.set("2026-10-15T09:00:00+08:00");
        assertThat(api.as("scjg").post("/api/v1/cases/" + r.number() + "/request-extension",
                Map.of("workingDays", 1, "reason", "x")).problem(409).json().get("detail").asString())
                .contains("已超过办理时限");
        assertThat(cases.get("office", r.number()).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void suspensionStopsTheClockAndMovesTheDeadlineByTheSuspendedWorkingDays() {
        clock.set("2026-09-28T10:00:00+08:00");
        Cases.Registered r = cases.inProgress();
        assertThat(cases.get("office", r.number()).get("dueAt").asString()).isEqualTo("2026-10-10T23:59:59+08:00");
        clock.set("2026-09-29T11:00:00+08:00");
        JsonNode suspended = cases.act("scjg", r.number(), "suspend",
                Map.of("reason", "AWAITING_EVIDENCE", "comment", "请企业补充合同原件"));
        assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.has("deadline") && !suspended.get("deadline").isNull()).isFalse();
        // resumed after National Day: 09-30 and 10-08 were lost (10-01..07 are holidays)
        clock.set("2026-10-08T15:00:00+08:00");
        JsonNode resumed = cases.act("scjg", r.number(), "resume", Map.of("comment", "企业已补充材料"));
        assertThat(resumed.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(resumed.get("suspensions").get(0).get("shift").asString()).isEqualTo("顺延 2 个工作日");
        assertThat(resumed.get("dueAt").asString()).isEqualTo("2026-10-13T23:59:59+08:00");
    }

    @Test
    void theReviewerReturnsAResultForRedoNamingEachFailedCheck() {
        Cases.Registered r = cases.inProgress();
        cases.submitResult(r.number(), "2026-11-23");
        JsonNode returned = cases.act("office", r.number(), "review", Map.of("approve", false,
                "failedChecks", List.of("MEASURES_CONCRETE", "CONCLUSION_MET_PARTIES"), "comment", "整改措施不具体，未与企业见面"));
        assertThat(returned.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(returned.get("redoCount").asInt()).isEqualTo(1);
        assertThat(returned.get("reviews").get(0).get("failedChecks").toString())
                .contains("MEASURES_CONCRETE", "CONCLUSION_MET_PARTIES");
        // the head cannot sign off before the handler drafts again
        api.as("scjg-head").post("/api/v1/cases/" + r.number() + "/sign-off", Map.of()).problem(409);
        cases.submitResult(r.number(), "2026-11-23");
        assertThat(cases.act("office", r.number(), "review", Map.of("approve", true)).get("status").asString())
                .isEqualTo("VISITING");
    }

    @Test
    void dissatisfactionLeadsToExplanationSecondHandlingAndThenReferral() {
        Cases.Registered r = cases.visiting("2026-11-23");
        JsonNode unhappy = cases.act("office", r.number(), "visit", Map.of("reached", true, "method", "电话",
                "satisfaction", "DISSATISFIED", "comment", "企业认为问题未解决"));
        assertThat(unhappy.get("status").asString()).isEqualTo("VISITING");
        assertThat(unhappy.get("awaitingExplanation").asBoolean()).isTrue();
        // the office must wait for the unit's explanation
        api.as("office").post("/api/v1/cases/" + r.number() + "/conclude", Map.of("rehandle", true)).problem(409);
        cases.act("scjg", r.number(), "explain", Map.of("explanation", "变更已办结，企业另提出的补偿请求不属本局职责。"));
        clock.set("2026-11-24T10:00:00+08:00");
        JsonNode second = cases.act("office", r.number(), "conclude",
                Map.of("rehandle", true, "comment", "经研判处理不当，二次交办"));
        assertThat(second.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(second.get("round").asInt()).isEqualTo(2);
        assertThat(second.get("dueAt").asString()).isEqualTo("2026-12-01T23:59:59+08:00");

        cases.submitResult(r.number(), "2026-11-24");
        cases.act("office", r.number(), "review", Map.of("approve", true));
        cases.act("office", r.number(), "visit", Map.of("reached", true, "method", "电话",
                "satisfaction", "VERY_DISSATISFIED"));
        cases.act("scjg", r.number(), "explain", Map.of("explanation", "已尽力协调。"));
        // no third round
        assertThat(api.as("office").post("/api/v1/cases/" + r.number() + "/conclude", Map.of("rehandle", true))
                .problem(409).json().get("detail").asString()).contains("纪委监委");
        JsonNode referred = cases.act("office", r.number(), "refer",
                Map.of("target", "示范市纪委监委", "reason", "二次办理后仍推诿敷衍，涉嫌不作为"));
        assertThat(referred.get("referrals").get(0).get("target").asString()).isEqualTo("示范市纪委监委");
        JsonNode closed = cases.act("office", r.number(), "conclude",
                Map.of("rehandle", false, "comment", "已移送纪委监委，诉求按程序办结"));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("satisfaction").asString()).isEqualTo("VERY_DISSATISFIED");
    }

    @Test
    void aVisitThatCannotReachTheComplainantIsRecordedAndTheCaseWaits() {
        Cases.Registered r = cases.visiting("2026-11-23");
        JsonNode missed = cases.act("office", r.number(), "visit", Map.of("reached", false, "method", "电话",
                "comment", "电话无人接听"));
        assertThat(missed.get("status").asString()).isEqualTo("VISITING");
        assertThat(missed.get("visits")).hasSize(1);
        assertThat(missed.get("awaitingExplanation").asBoolean()).isFalse();
        JsonNode basically = cases.act("office", r.number(), "visit", Map.of("reached", true, "method", "实地走访",
                "satisfaction", "BASICALLY_SATISFIED"));
        assertThat(basically.get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void terminationNeedsAReasonAndEndsTheCase() {
        Cases.Registered r = cases.inProgress();
        assertThat(api.as("office").post("/api/v1/cases/" + r.number() + "/terminate", Map.of("reason", "FACTS_UNTRUE"))
                .problem(400).errorFields()).containsExactly("comment");
        JsonNode t = cases.act("office", r.number(), "terminate",
                Map.of("reason", "LITIGATION_OR_ARBITRATION", "comment", "企业已就该事项提起行政诉讼"));
        assertThat(t.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(t.get("termination").get("reason").asString()).isEqualTo("LITIGATION_OR_ARBITRATION");
        api.as("scjg").post("/api/v1/cases/" + r.number() + "/draft-result", Cases.result("2026-11-23")).problem(409);
    }

    @Test
    void supervisionNoticesAreNumberedPerOfficeAndYearAndAnsweredByTheLeadUnit() {
        Cases.Registered r = cases.inProgress();
        JsonNode notice = cases.act("office", r.number(), "supervise",
                Map.of("level", "NOTICE", "content", "该件办理进度滞后，请于 5 日内反馈"));
        JsonNode s = notice.get("supervisions").get(0);
        assertThat(s.get("number").asString()).matches("〔2026〕\\d+号");
        assertThat(s.get("unitCode").asString()).isEqualTo("SF-SCJG");
        // 5 days (calendar days, 附件3 "5日内") from 2026-11-23
        assertThat(s.get("replyDueAt").asString()).isEqualTo("2026-11-28T23:59:59+08:00");
        int first = Integer.parseInt(s.get("number").asString().replaceAll("\\D", "").substring(4));
        Cases.Registered other = cases.inProgress();
        String next = cases.act("office", other.number(), "supervise", Map.of("level", "NOTICE", "content", "请加快"))
                .get("supervisions").get(0).get("number").asString();
        assertThat(next).isEqualTo("〔2026〕" + (first + 1) + "号");

        assertThat(cases.actions("scjg", r.number())).contains("reply-supervision");
        JsonNode replied = cases.act("scjg", r.number(), "reply-supervision",
                Map.of("supervisionId", s.get("id").asLong(), "content", "已加派人员，本周内办结"));
        assertThat(replied.get("supervisions").get(0).get("reply").asString()).contains("本周内办结");
        assertThat(cases.actions("scjg", r.number())).doesNotContain("reply-supervision");
        // a notice needs a unit to answer it
        Cases.Registered fresh = cases.register();
        api.as("office").post("/api/v1/cases/" + fresh.number() + "/supervise",
                Map.of("level", "NOTICE", "content", "x")).problem(409);
    }

    @Test
    void theBriefReplyIsDueFiveWorkingDaysAfterReceipt() {
        clock.set("2026-09-30T17:55:00+08:00");
        Cases.Registered r = cases.register();
        assertThat(cases.get("office", r.number()).get("firstReplyDueAt").asString())
                .isEqualTo("2026-10-13T23:59:59+08:00");
        cases.accept(r.number(), "SIMPLE");
        cases.assign(r.number(), "SF-SCJG");
        // a simple matter: 24 clock hours, even over a holiday
        assertThat(cases.get("office", r.number()).get("dueAt").asString()).isEqualTo("2026-10-01T17:55:00+08:00");
        assertThat(cases.get("office", r.number()).get("extension").get("capWorkingDays").asInt()).isEqualTo(1);
    }

    @Test
    void aComplexCaseHasTwentyWorkingDaysOverSpringFestival() {
        clock.set("2026-02-10T09:00:00+08:00");
        Cases.Registered r = cases.register();
        cases.accept(r.number(), "COMPLEX");
        cases.assign(r.number(), "SF-SCJG");
        assertThat(cases.get("office", r.number()).get("dueAt").asString()).isEqualTo("2026-03-16T23:59:59+08:00");
    }

    @Test
    void archivedCasesAreImmutable() {
        Cases.Registered r = cases.register();
        cases.act("office", r.number(), "reject", Map.of("reasons", List.of("OUT_OF_SCOPE"), "explanation", "不属于受理范围"));
        cases.act("office", r.number(), "archive", Map.of());
        Api.Response again = api.as("office").post("/api/v1/cases/" + r.number() + "/archive").problem(409);
        assertThat(again.json().get("detail").asString()).contains("已归档").contains("REJECTED");
        api.anonymous().post("/api/v1/public/cases/" + r.number() + "/materials?code=" + r.code(),
                Map.of("content", "补充")).problem(409);
    }
}
