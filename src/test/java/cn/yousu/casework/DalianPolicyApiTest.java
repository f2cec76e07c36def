package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Under the Dalian preset anonymous complaints are not accepted and units do not learn who complained. */
@TestPropertySource(properties = "yousu.policy.preset=dalian")
class DalianPolicyApiTest extends ApiTest {


    @Test
    void anonymousComplaintsAreSuggestedForRejectionAndCannotBeAccepted() {
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        body.put("complainant", Map.of("type", "PERSON", "anonymous", true));
        JsonNode c = api.as("office").post("/api/v1/cases", body).expect(201).json();
        assertThat(c.get("suggestions").get("rejectionReasons").toString()).contains("ANONYMOUS");
        assertThat(names(c)).doesNotContain("accept").contains("reject");
        assertThat(api.as("office").post("/api/v1/cases/" + c.get("number").asString() + "/accept",
                Map.of("kind", "COMPLAINT", "complexity", "GENERAL", "categoryCode", "OTHER")).problem(409).json()
                .get("detail").asString()).contains("匿名");
        cases.act("office", c.get("number").asString(), "reject",
                Map.of("reasons", java.util.List.of("ANONYMOUS"), "explanation", "按《实施细则》第八条，匿名投诉不予受理。"));
    }

    @Test
    void unitsDoNotSeeTheComplainantAndGeneralCasesHaveTwentyWorkingDays() {
        Cases.Registered r = cases.register();
        cases.accept(r.number(), "GENERAL");
        cases.assign(r.number(), "SF-SCJG");
        JsonNode seen = cases.get("scjg", r.number());
        assertThat(seen.get("complainant").get("name").asString()).isEqualTo("（保密）");
        assertThat(seen.get("complainant").has("phone")).isFalse();
        assertThat(seen.get("timeLimit").asString()).isEqualTo("20个工作日");
    }

    static java.util.List<String> names(JsonNode c) {
        return c.get("allowedActions").valueStream().map(a -> a.get("action").asString()).toList();
    }
}
