package cn.yousu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.Api;
import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Monitoring points and supervisors (DESIGN §9, seed 004): every rule of the registry over HTTP. */
class MonitoringApiTest extends ApiTest {

    static final String BASE = "/api/v1/monitoring";

    static Map<String, Object> supervisor(String birthDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "SUPERVISOR");
        body.put("name", "张监督" + UUID.randomUUID().toString().substring(0, 4));
        body.put("category", "ENTERPRISE_REPRESENTATIVE");
        body.put("workUnit", "示范市某某科技有限公司");
        body.put("birthDate", birthDate);
        body.put("phone", Cases.mobile());
        body.put("nomination", "RECOMMENDED");
        body.put("recommendedBy", "市工商联");
        body.put("disciplinaryRecord", false);
        body.put("criminalRecord", false);
        body.put("dishonest", false);
        return body;
    }

    long nominate(Map<String, Object> body) {
        return api.as("office").post(BASE + "/members", body).expect(201).json().get("member").get("id").asLong();
    }

    /** Takes a nominee through preliminary review, office review and the leading group's approval. */
    JsonNode select(long id) {
        api.as("office").post(BASE + "/members/" + id + "/preliminary-review",
                Map.of("approve", true, "reviewer", "市工信局", "comment", "推荐材料齐全")).expect(200);
        api.as("office").post(BASE + "/members/" + id + "/office-review", Map.of("approve", true)).expect(200);
        return api.as("office").post(BASE + "/members/" + id + "/approval",
                Map.of("approve", true, "reviewer", "领导小组第3次会议")).expect(200).json();
    }

    /** An active supervisor with an account; answers its id and user name. */
    record Serving(long id, String username) {
    }

    Serving serving() {
        long id = nominate(supervisor("1980-05-01"));
        select(id);
        String username = "jdy-" + UUID.randomUUID().toString().substring(0, 8);
        api.as("office").post(BASE + "/members/" + id + "/account",
                Map.of("username", username, "password", Api.PASSWORD)).expect(200);
        return new Serving(id, username);
    }

    String report(Serving s, String kind, String title) {
        return api.as(s.username()).post(BASE + "/me/reports", Map.of("kind", kind, "title", title,
                "content", "窗口要求企业重复提交已有材料，办理时间超过承诺时限。", "respondentUnitCode", "SF-ZWFW"))
                .expect(201).text("caseNumber");
    }

    @Test
    void aSupervisorAged61IsRefusedAndAged60IsAccepted() {
        // today is 2026-11-23: born 1965-11-23 is 61 today, born 1965-11-24 is still 60
        JsonNode refused = api.as("office").post(BASE + "/members", supervisor("1965-11-23")).problem(422).json();
        assertThat(refused.get("detail").asString()).contains("年龄 61 周岁，超过 60 周岁");
        assertThat(fields(refused)).containsExactly("birthDate");
        nominate(supervisor("1965-11-24"));
    }

    @Test
    void everyFailedRuleIsNamed() {
        Map<String, Object> body = supervisor("1950-01-01");
        body.put("disciplinaryRecord", true);
        body.put("criminalRecord", true);
        body.put("dishonest", true);
        JsonNode refused = api.as("office").post(BASE + "/members", body).problem(422).json();
        assertThat(fields(refused)).containsExactly("birthDate", "disciplinaryRecord", "criminalRecord", "dishonest");
        assertThat(refused.get("detail").asString()).contains("党纪、政务处分", "刑事处罚", "失信人黑名单");
        // a missing declaration is an input error, not a pass
        Map<String, Object> undeclared = supervisor("1980-01-01");
        undeclared.remove("dishonest");
        undeclared.remove("phone");
        assertThat(api.as("office").post(BASE + "/members", undeclared).problem(400).errorFields())
                .containsExactlyInAnyOrder("dishonest", "phone");
        // a category of points does not fit a supervisor
        Map<String, Object> wrong = supervisor("1980-01-01");
        wrong.put("category", "SERVICE_HALL");
        assertThat(api.as("office").post(BASE + "/members", wrong).problem(400).errorFields()).contains("category");
    }

    @Test
    void selectionRecordsEveryStepAndIssuesCertificateAndTerm() {
        long id = nominate(supervisor("1980-05-01"));
        // the leading group cannot approve before the reviews
        api.as("office").post(BASE + "/members/" + id + "/approval", Map.of("approve", true)).problem(409);
        // units do not run the registry
        api.as("scjg").post(BASE + "/members/" + id + "/preliminary-review",
                Map.of("approve", true, "reviewer", "市工信局")).problem(403);
        assertThat(api.as("office").post(BASE + "/members/" + id + "/preliminary-review",
                Map.of("approve", true)).problem(400).errorFields()).containsExactly("reviewer");
        JsonNode approved = select(id);
        JsonNode member = approved.get("member");
        assertThat(approved.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(member.get("numberIssued").asString()).matches("JDY-SF-2026-\\d{3}");
        assertThat(member.get("termStart").asString()).isEqualTo("2026-11-23");
        assertThat(member.get("termEnd").asString()).isEqualTo("2028-11-22");
        List<String> steps = new ArrayList<>();
        approved.get("steps").forEach(s -> steps.add(s.get("step").asString() + ":" + s.get("actor").asString()));
        assertThat(steps).containsExactly("NOMINATE:office", "PRELIMINARY_REVIEW:office", "OFFICE_REVIEW:office",
                "APPROVE:office");
        assertThat(approved.get("steps").get(1).get("reviewer").asString()).isEqualTo("市工信局");
        // a point gets a plaque number of its own series
        Map<String, Object> point = new HashMap<>(Map.of("kind", "POINT", "name", "示范市政务服务中心",
                "category", "SERVICE_HALL", "phone", Cases.mobile(), "contactPerson", "刘联络",
                "nomination", "SELF", "disciplinaryRecord", false, "criminalRecord", false, "dishonest", false));
        long pointId = nominate(point);
        assertThat(select(pointId).get("member").get("numberIssued").asString()).matches("JCD-SF-2026-\\d{3}");
        // a rejection at office review ends the selection, with its reason
        long other = nominate(supervisor("1982-01-01"));
        api.as("office").post(BASE + "/members/" + other + "/preliminary-review",
                Map.of("approve", true, "reviewer", "市工商联")).expect(200);
        assertThat(api.as("office").post(BASE + "/members/" + other + "/office-review", Map.of("approve", false))
                .problem(400).errorFields()).containsExactly("comment");
        JsonNode rejected = api.as("office").post(BASE + "/members/" + other + "/office-review",
                Map.of("approve", false, "comment", "代表性不足")).expect(200).json();
        assertThat(rejected.get("status").asString()).isEqualTo("NOT_SELECTED");
        assertThat(rejected.get("member").get("endedReason").asString()).isEqualTo("代表性不足");
    }

    @Test
    void theTermExpiresByItselfAfterTwoYears() {
        Serving s = serving();
        clock.set("2028-11-22T20:00:00+08:00");
        assertThat(api.as("office").get(BASE + "/members/" + s.id()).expect(200).text("status")).isEqualTo("ACTIVE");
        clock.set("2028-11-23T00:00:01+08:00");
        assertThat(api.as("office").get(BASE + "/members/" + s.id()).expect(200).text("status")).isEqualTo("EXPIRED");
        assertThat(api.as(s.username()).post(BASE + "/me/reports",
                Map.of("kind", "PROBLEM", "title", "t", "content", "c")).problem(409).text("detail"))
                .contains("聘期届满");
    }

    @Test
    void aSupervisorsProblemBecomesACaseAndTheySeeTheFeedback() {
        Serving s = serving();
        assertThat(api.as(s.username()).post(BASE + "/me/reports", Map.of()).problem(400).errorFields())
                .containsExactlyInAnyOrder("kind", "title", "content");
        String number = report(s, "PROBLEM", "政务大厅重复要求提交材料");
        JsonNode c = api.as("office").get("/api/v1/cases/" + number).expect(200).json();
        assertThat(c.get("channel").asString()).isEqualTo("SUPERVISOR");
        assertThat(c.get("kind").asString()).isEqualTo("COMPLAINT");
        assertThat(c.get("status").asString()).isEqualTo("REGISTERED");
        // the supervisor sees only their own reports, not the case register
        api.as(s.username()).get("/api/v1/cases/" + number).problem(404);
        api.as(s.username()).get(BASE + "/members").problem(403);
        assertThat(api.as(s.username()).get("/api/v1/cases").expect(200).body()).doesNotContain(number);
        // the office accepts and assigns it; the supervisor sees the progress on their report
        cases.accept(number, "GENERAL");
        cases.assign(number, "SF-ZWFW");
        JsonNode mine = api.as(s.username()).get(BASE + "/me/reports").expect(200).json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("caseNumber").asString()).isEqualTo(number);
        assertThat(mine.get(0).get("feedback").get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(mine.get(0).get("feedback").get("leadUnitName").asString()).contains("政务服务");
        // a monitoring point reports with its own channel
        long point = nominate(new HashMap<>(Map.of("kind", "POINT", "name", "示范市某园区企业",
                "category", "PARK_ENTERPRISE", "phone", Cases.mobile(), "contactPerson", "周联络",
                "nomination", "RECOMMENDED", "recommendedBy", "高新区管委会", "disciplinaryRecord", false,
                "criminalRecord", false, "dishonest", false)));
        select(point);
        String pointUser = "jcd-" + UUID.randomUUID().toString().substring(0, 8);
        api.as("office").post(BASE + "/members/" + point + "/account",
                Map.of("username", pointUser, "password", Api.PASSWORD)).expect(200);
        String pointCase = report(new Serving(point, pointUser), "SUGGESTION", "建议园区设立企业服务专窗");
        JsonNode pc = api.as("office").get("/api/v1/cases/" + pointCase).expect(200).json();
        assertThat(pc.get("channel").asString()).isEqualTo("MONITORING_POINT");
        assertThat(pc.get("kind").asString()).isEqualTo("SUGGESTION");
    }

    @Test
    void quotasCountAcrossTheQuarterBoundaryInTheRegionsZone() {
        clock.set("2026-03-02T09:00:00+08:00");
        Serving s = serving();
        clock.set("2026-03-31T23:30:00+08:00");
        report(s, "PROBLEM", "一季度最后半小时的问题");
        // 00:30 on 1 April in Shanghai is still 31 March in UTC: it belongs to the second quarter
        clock.set("2026-04-01T00:30:00+08:00");
        report(s, "SUGGESTION", "二季度第一条建议");
        JsonNode q1 = row(api.as("office").get(BASE + "/quotas?quarter=2026-Q1").expect(200).json(), s.id());
        assertThat(q1.get("problemsInQuarter").asInt()).isEqualTo(1);
        assertThat(q1.get("problemsBehind").asBoolean()).isFalse();
        JsonNode q2page = api.as("office").get(BASE + "/quotas").expect(200).json();
        assertThat(q2page.get("quarter").asString()).isEqualTo("2026-Q2");
        JsonNode q2 = row(q2page, s.id());
        assertThat(q2.get("problemsInQuarter").asInt()).isZero();
        assertThat(q2.get("problemsBehind").asBoolean()).isTrue();
        assertThat(q2.get("suggestionsInYear").asInt()).isEqualTo(1);
        assertThat(q2.get("suggestionsBehind").asBoolean()).isTrue();
        clock.set("2026-06-30T23:59:00+08:00");
        report(s, "PROBLEM", "二季度的问题");
        report(s, "SUGGESTION", "第二条建议");
        JsonNode q2done = row(api.as("office").get(BASE + "/quotas?quarter=2026-Q2").expect(200).json(), s.id());
        assertThat(q2done.get("problemsInQuarter").asInt()).isEqualTo(1);
        assertThat(q2done.get("suggestionsInYear").asInt()).isEqualTo(2);
        assertThat(q2done.get("problemsBehind").asBoolean() || q2done.get("suggestionsBehind").asBoolean()).isFalse();
        // a quarter before the term began does not list the member
        JsonNode q4 = api.as("office").get(BASE + "/quotas?quarter=2025-Q4").expect(200).json();
        q4.get("rows").forEach(r -> assertThat(r.get("memberId").asLong()).isNotEqualTo(s.id()));
        assertThat(api.as("office").get(BASE + "/quotas?quarter=2026-5").problem(400).errorFields())
                .containsExactly("quarter");
    }

    @Test
    void oneSilentForSixMonthsIsFlagged() {
        clock.set("2026-01-05T09:00:00+08:00");
        Serving silent = serving();
        Serving active = serving();
        clock.set("2026-03-01T09:00:00+08:00");
        report(active, "PROBLEM", "三月的问题");
        clock.set("2026-07-04T09:00:00+08:00");
        assertThat(flagged(silent.id())).isNull();
        clock.set("2026-07-05T09:00:00+08:00");
        JsonNode flag = flagged(silent.id());
        assertThat(flag).isNotNull();
        assertThat(flag.get("reasons").get(0).asString()).contains("半年内没有反映营商环境问题或提出意见建议");
        assertThat(flagged(active.id())).isNull();
        clock.set("2026-09-01T09:00:00+08:00");
        assertThat(flagged(active.id())).isNotNull();
        // the office decides the exit, with its reason; the account stops working
        assertThat(api.as("office").post(BASE + "/members/" + silent.id() + "/exit", Map.of()).problem(400)
                .errorFields()).containsExactly("reason");
        JsonNode exited = api.as("office").post(BASE + "/members/" + silent.id() + "/exit",
                Map.of("reason", "半年内未履行报送义务，经评估退出")).expect(200).json();
        assertThat(exited.get("status").asString()).isEqualTo("EXITED");
        assertThat(api.anonymous().post("/api/v1/auth/token",
                Map.of("username", silent.username(), "password", Api.PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void absentTwiceFromJointMeetingsIsFlaggedAndMisconductRemovesAtOnce() {
        Serving s = serving();
        Serving present = serving();
        for (String at : List.of("2026-12-10T14:30:00+08:00", "2027-03-10T14:30:00+08:00")) {
            JsonNode meeting = api.as("office").post(BASE + "/meetings", Map.of("title", "营商环境监督员联席会议",
                    "theme", "涉企检查", "heldAt", at, "location", "市民中心 3 楼",
                    "memberIds", List.of(s.id(), present.id()), "units", List.of("市市场监管局", "市税务局")))
                    .expect(201).json();
            long meetingId = meeting.get("id").asLong();
            assertThat(meeting.get("invitations")).hasSize(2);
            assertThat(meeting.get("units")).hasSize(2);
            // attendance is recorded once the meeting has begun
            api.as("office").post(BASE + "/meetings/" + meetingId + "/attendance",
                    Map.of("entries", List.of(Map.of("memberId", s.id(), "present", false)))).problem(409);
            clock.set(at);
            clock.advance(java.time.Duration.ofHours(3));
            assertThat(api.as("office").post(BASE + "/meetings/" + meetingId + "/attendance",
                    Map.of("entries", List.of(Map.of("memberId", 999999999L, "present", true)))).problem(400)
                    .errorFields()).containsExactly("entries[0].memberId");
            api.as("office").post(BASE + "/meetings/" + meetingId + "/attendance", Map.of("entries", List.of(
                    Map.of("memberId", s.id(), "present", false), Map.of("memberId", present.id(), "present", true))))
                    .expect(200);
            report(s, "PROBLEM", "按时报送的问题");
            report(present, "PROBLEM", "按时报送的问题");
        }
        JsonNode flag = flagged(s.id());
        assertThat(flag.get("reasons").get(0).asString()).contains("缺席 2 次");
        assertThat(flagged(present.id())).isNull();
        // misconduct: removed at once, with the reason recorded as a step
        JsonNode removed = api.as("office").post(BASE + "/members/" + present.id() + "/removal",
                Map.of("reason", "以监督员名义为本企业谋取私利")).expect(200).json();
        assertThat(removed.get("status").asString()).isEqualTo("REMOVED");
        JsonNode last = removed.get("steps").get(removed.get("steps").size() - 1);
        assertThat(last.get("step").asString()).isEqualTo("REMOVE");
        assertThat(last.get("comment").asString()).contains("谋取私利");
        api.as("office").post(BASE + "/members/" + present.id() + "/removal", Map.of("reason", "again")).problem(409);
    }

    @Test
    void concentratedSuggestionsBecomeATaskListDispatchedLikeACase() {
        Serving a = serving();
        Serving b = serving();
        String first = report(a, "SUGGESTION", "建议推行涉企检查“综合查一次”");
        String second = report(b, "SUGGESTION", "建议统一涉企检查计划");
        String problem = report(a, "PROBLEM", "一个问题");
        List<Long> ids = new ArrayList<>();
        api.as("office").get(BASE + "/suggestions").expect(200).json().forEach(r -> {
            if (r.get("caseNumber").asString().equals(first) || r.get("caseNumber").asString().equals(second)) {
                ids.add(r.get("reportId").asLong());
            }
        });
        assertThat(ids).hasSize(2);
        long problemId = api.as(a.username()).get(BASE + "/me/reports").expect(200).json().get(0).get("id").asLong();
        assertThat(api.as("office").post(BASE + "/task-lists", Map.of("title", "涉企检查", "reportIds",
                List.of(ids.get(0), problemId))).problem(400).errorFields()).containsExactly("reportIds[1]");
        JsonNode list = api.as("office").post(BASE + "/task-lists", Map.of("title", "规范涉企检查",
                "reportIds", ids, "requirements", "请于 15 个工作日内研究提出措施")).expect(201).json();
        assertThat(list.get("listNumber").asString()).matches("交办单〔2026〕\\d+号");
        assertThat(list.get("items").asInt()).isEqualTo(2);
        String taskCase = list.get("caseNumber").asString();
        JsonNode c = api.as("office").get("/api/v1/cases/" + taskCase).expect(200).json();
        assertThat(c.get("kind").asString()).isEqualTo("SUGGESTION");
        assertThat(c.get("channel").asString()).isEqualTo("SUPERVISOR");
        assertThat(c.get("facts").asString()).contains(first, second);
        // dispatched like any case
        cases.accept(taskCase, "GENERAL");
        cases.assign(taskCase, "SF-SCJG");
        // each gathered suggestion is answered with the task list; its author sees it
        JsonNode mine = api.as(a.username()).get(BASE + "/me/reports").expect(200).json();
        JsonNode suggestion = null;
        for (JsonNode r : mine) {
            if (r.get("caseNumber").asString().equals(first)) {
                suggestion = r;
            }
        }
        assertThat(suggestion.get("taskListCaseNumber").asString()).isEqualTo(taskCase);
        List<String> texts = new ArrayList<>();
        suggestion.get("feedback").get("timeline").forEach(e -> texts.add(e.get("text").asString()));
        assertThat(texts).anyMatch(t -> t.contains(list.get("listNumber").asString()));
        assertThat(cases.timelineActions("office", first)).contains("task-list");
        assertThat(problem).isNotNull();
    }

    private JsonNode flagged(long id) {
        for (JsonNode f : api.as("office").get(BASE + "/exit-flags").expect(200).json()) {
            if (f.get("memberId").asLong() == id) {
                return f;
            }
        }
        return null;
    }

    private static JsonNode row(JsonNode page, long id) {
        for (JsonNode r : page.get("rows")) {
            if (r.get("memberId").asLong() == id) {
                return r;
            }
        }
        throw new AssertionError("no quota row for member " + id + " in " + page);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
