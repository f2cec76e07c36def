package cn.yousu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Screening at registration suggests; the officer decides (DESIGN §5). */
class ScreeningApiTest extends ApiTest {


    @Test
    void theSameComplainantAndRespondentWithSimilarTextIsAProbableDuplicate() {
        Map<String, Object> first = Cases.complaint("SF", "SF-SCJG");
        Cases.Registered original = cases.register("office", first);
        cases.accept(original.number(), "GENERAL");

        Map<String, Object> again = new java.util.HashMap<>(first);
        again.put("facts", "我公司 9 月 1 日提交营业执照变更登记申请，材料齐全，窗口至今仍未办理，电话询问被推诿。");
        JsonNode second = api.as("office").post("/api/v1/cases", again).expect(201).json();
        JsonNode duplicates = second.get("suggestions").get("duplicates");
        assertThat(duplicates).hasSize(1);
        assertThat(duplicates.get(0).get("number").asString()).isEqualTo(original.number());
        assertThat(duplicates.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(second.get("suggestions").get("rejectionReasons").toString()).contains("DUPLICATE");

        // another respondent, or an unrelated request from the same company, is not a duplicate
        Map<String, Object> otherUnit = new java.util.HashMap<>(first);
        otherUnit.put("respondent", Map.of("unitCode", "SF-SW"));
        assertThat(api.as("office").post("/api/v1/cases", otherUnit).expect(201).json().get("suggestions")
                .get("duplicates")).isEmpty();
        Map<String, Object> unrelated = new java.util.HashMap<>(first);
        unrelated.put("title", "食品经营许可证续期咨询");
        unrelated.put("facts", "想了解食品经营许可证到期前需要准备哪些材料，线上能否办理？");
        unrelated.put("request", "告知办理流程");
        assertThat(api.as("office").post("/api/v1/cases", unrelated).expect(201).json().get("suggestions")
                .get("duplicates")).isEmpty();
    }

    @Test
    void missingConditionsCategoryAndUnitAreSuggested() {
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        body.remove("respondent");
        body.put("title", "税务局多收了我们的费用");
        body.put("facts", "退税");
        body.put("request", "");
        JsonNode s = api.as("office").post("/api/v1/cases", body).expect(201).json().get("suggestions");
        assertThat(s.get("missingConditions").toString()).contains("RESPONDENT", "REQUEST", "FACTS", "EVIDENCE");
        assertThat(s.get("rejectionReasons").toString()).contains("NO_RESPONDENT", "NO_FACTS");
        assertThat(s.get("unitCode").asString()).isEqualTo("SF-SW");
        assertThat(s.get("categoryCode").asString()).isIn("ILLEGAL_FEES", "POLICY_NOT_HONOURED");
    }

    @Test
    void suggestionsDoNotDecide() {
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        body.remove("respondent");
        Cases.Registered r = cases.register("office", body);
        // NO_RESPONDENT is suggested, yet the officer may accept after finding out by phone
        cases.act("office", r.number(), "accept",
                Map.of("kind", "COMPLAINT", "complexity", "GENERAL", "categoryCode", "LICENSE_DELAY"));
        assertThat(cases.get("office", r.number()).get("suggestions").get("rejectionReasons").toString())
                .contains("NO_RESPONDENT");
        assertThat(cases.get("office", r.number()).get("status").asString()).isEqualTo("ACCEPTED");
    }
}
