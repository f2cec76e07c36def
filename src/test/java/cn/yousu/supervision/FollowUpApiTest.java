package cn.yousu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 回头看: the cases closed in a month are sampled at the policy's rate (10 %) with a seed, reproducibly; a sample gets
 * a second satisfaction visit, and an unsatisfied one returns to the office, which decides.
 */
class FollowUpApiTest extends ApiTest {

    @Test
    void theSameSeedOverTheSameCasesDrawsTheSameSample() {
        List<Long> ids = LongStream.rangeClosed(1, 95).boxed().toList();
        List<Long> first = FollowUps.sample(ids, 0.10, 202510);
        assertThat(first).hasSize(10).isSorted();
        assertThat(FollowUps.sample(new ArrayList<>(ids.reversed()), 0.10, 202510)).isEqualTo(first);
        assertThat(FollowUps.sample(ids, 0.10, 7)).hasSize(10).isNotEqualTo(first);
        assertThat(FollowUps.sample(List.of(), 0.10, 1)).isEmpty();
        assertThat(FollowUps.sample(List.of(5L), 0.10, 1)).containsExactly(5L);
    }

    private String closedCase() {
        String n = cases.visiting("2025-03-10").number();
        cases.act("office", n, "visit", Map.of("reached", true, "method", "电话", "satisfaction", "SATISFIED"));
        return n;
    }

    @Test
    void monthlyDrawFillsTheQueueAndAnUnsatisfiedSampleReturnsToTheOfficeForDecision() {
        clock.set("2025-03-10T10:00:00+08:00");
        List<String> closed = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            closed.add(closedCase());
        }
        clock.set("2025-04-01T02:00:00+08:00");
        api.as("scjg").post("/api/v1/followups/draws", Map.of("month", "2025-03")).problem(403);
        assertThat(api.as("office").post("/api/v1/followups/draws", Map.of("month", "2025-13")).problem(400)
                .errorFields()).containsExactly("month");
        assertThat(api.as("office").post("/api/v1/followups/draws", Map.of("month", "2025-04")).problem(400)
                .errorFields()).containsExactly("month");

        JsonNode draw = api.as("office").post("/api/v1/followups/draws", Map.of("month", "2025-03", "seed", 42))
                .expect(201).json();
        assertThat(draw.get("population").asInt()).isEqualTo(11);
        assertThat(draw.get("drawn").asInt()).isEqualTo(2);
        assertThat(draw.get("seed").asLong()).isEqualTo(42);
        api.as("office").post("/api/v1/followups/draws", Map.of("month", "2025-03", "seed", 42)).problem(409);

        List<JsonNode> queue = new ArrayList<>();
        api.as("office").get("/api/v1/followups?status=PENDING").expect(200).json().forEach(s -> {
            if (s.get("month").asString().equals("2025-03")) {
                queue.add(s);
            }
        });
        assertThat(queue).hasSize(2);
        assertThat(closed).contains(queue.get(0).get("caseNumber").asString(), queue.get(1).get("caseNumber").asString());
        // a district office does not see the city's samples; units have no queue
        assertThat(api.as("dc-office").get("/api/v1/followups").expect(200).json().toString())
                .doesNotContain(queue.get(0).get("caseNumber").asString());
        api.as("scjg").get("/api/v1/followups").problem(403);

        long satisfiedId = queue.get(0).get("id").asLong();
        assertThat(api.as("office").post("/api/v1/followups/" + satisfiedId + "/visit", Map.of()).problem(400)
                .errorFields()).containsExactly("satisfaction");
        JsonNode satisfied = api.as("office").post("/api/v1/followups/" + satisfiedId + "/visit",
                Map.of("satisfaction", "VERY_SATISFIED", "comment", "企业对整改效果满意")).expect(200).json();
        assertThat(satisfied.get("status").asString()).isEqualTo("SATISFIED");

        long unhappyId = queue.get(1).get("id").asLong();
        String unhappyCase = queue.get(1).get("caseNumber").asString();
        JsonNode returned = api.as("office").post("/api/v1/followups/" + unhappyId + "/visit",
                Map.of("satisfaction", "DISSATISFIED", "comment", "问题反弹，窗口又开始推诿")).expect(200).json();
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        api.as("office").post("/api/v1/followups/" + unhappyId + "/visit", Map.of("satisfaction", "SATISFIED"))
                .problem(409);
        assertThat(api.as("office").post("/api/v1/followups/" + unhappyId + "/decide", Map.of()).problem(400)
                .errorFields()).containsExactlyInAnyOrder("decision", "comment");
        JsonNode decided = api.as("office").post("/api/v1/followups/" + unhappyId + "/decide",
                Map.of("decision", "SECOND_HANDLING", "comment", "问题反弹属实，责成承办单位二次办理")).expect(200).json();
        assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("decision").asString()).isEqualTo("SECOND_HANDLING");
        assertThat(cases.timelineActions("office", unhappyCase)).endsWith("followup-sampled", "followup-visit",
                "followup-decision");
    }
}
