package cn.yousu.hearing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Hearings (听证, seed 002 三(二)) for major or difficult cases, recorded on the case's timeline. */
class HearingApiTest extends ApiTest {

    static Map<String, Object> schedule(String at) {
        return Map.of("subject", "工程款拖欠责任认定", "scheduledAt", at, "location", "市民中心 5 楼听证室",
                "presiding", "王主任", "participants", List.of("诉求企业代表", "市住建局代表"),
                "unitCodes", List.of("SF-ZJ", "SF-FGW"));
    }

    @Test
    void aDifficultCaseIsHeardAndEveryStepIsOnItsTimeline() {
        Cases.Registered c = cases.register("office", Cases.complaint("SF", "SF-ZJ"));
        cases.accept(c.number(), "COMPLEX");
        assertThat(api.as("office").post("/api/v1/cases/" + c.number() + "/hearings", Map.of("participants",
                List.of(), "unitCodes", List.of("NOPE"))).problem(400).errorFields())
                .containsExactlyInAnyOrder("subject", "scheduledAt", "location", "presiding", "participants",
                        "unitCodes[0]");
        JsonNode h = api.as("office").post("/api/v1/cases/" + c.number() + "/hearings",
                schedule("2026-11-27T09:30:00+08:00")).expect(201).json();
        long id = h.get("id").asLong();
        assertThat(h.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(h.get("unitNames").get(0).asString()).contains("住房和城乡建设局");
        // not before it begins
        Map<String, Object> record = Map.of("questions", List.of(
                        Map.of("askedBy", "诉求企业代表", "question", "工程款为何逾期 8 个月未支付？",
                                "answer", "住建局：结算审计未完成"),
                        Map.of("askedBy", "主持人", "question", "审计何时完成？", "answer", "12 月底前")),
                "findings", "审计延误系住建局未及时送审，责任在住建局", "outcome", "住建局 12 月 31 日前完成审计并支付");
        api.as("office").post("/api/v1/hearings/" + id + "/record", record).problem(409);
        clock.set("2026-11-27T11:00:00+08:00");
        assertThat(api.as("office").post("/api/v1/hearings/" + id + "/record",
                Map.of("questions", List.of(Map.of("question", "?")))).problem(400).errorFields())
                .containsExactlyInAnyOrder("questions[0].askedBy", "findings", "outcome");
        JsonNode held = api.as("office").post("/api/v1/hearings/" + id + "/record", record).expect(200).json();
        assertThat(held.get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("questions")).hasSize(2);
        assertThat(held.get("questions").get(1).get("answer").asString()).isEqualTo("12 月底前");
        api.as("office").post("/api/v1/hearings/" + id + "/record", record).problem(409);
        assertThat(cases.timelineActions("office", c.number())).contains("hearing-scheduled", "hearing-held");
        JsonNode timeline = cases.get("office", c.number()).get("timeline");
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo("office");
        assertThat(last.get("comment").asString()).contains("住建局 12 月 31 日前完成审计并支付");
        assertThat(api.as("office").get("/api/v1/cases/" + c.number() + "/hearings").expect(200).json()).hasSize(1);
    }

    @Test
    void aGeneralCaseNeedsAReasonAndOthersCannotHoldHearings() {
        Cases.Registered c = cases.register("office", Cases.complaint("SF", "SF-ZJ"));
        cases.accept(c.number(), "GENERAL");
        assertThat(api.as("office").post("/api/v1/cases/" + c.number() + "/hearings",
                schedule("2026-11-27T09:30:00+08:00")).problem(400).errorFields()).containsExactly("majorReason");
        Map<String, Object> major = new java.util.HashMap<>(schedule("2026-11-27T09:30:00+08:00"));
        major.put("majorReason", "涉及多个部门，社会影响大");
        long id = api.as("office").post("/api/v1/cases/" + c.number() + "/hearings", major).expect(201).json()
                .get("id").asLong();
        api.as("zj").post("/api/v1/cases/" + c.number() + "/hearings", major).problem(403);
        api.as("dc-office").get("/api/v1/hearings/" + id).problem(404);
        api.as("office").post("/api/v1/hearings/" + id + "/cancellation", Map.of("reason", "诉求人撤回")).expect(200);
        assertThat(cases.timelineActions("office", c.number())).contains("hearing-cancelled");
    }
}
