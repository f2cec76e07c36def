package cn.yousu.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The exposure board (曝光台, seed 002): anonymised typical cases, reviewed before the portal lists them. */
class ExposureApiTest extends ApiTest {

    @Test
    void aTypicalCaseIsAnonymisedReviewedAndPublished() {
        Map<String, Object> complaint = Cases.complaint("SF", "SF-SCJG");
        @SuppressWarnings("unchecked")
        Map<String, Object> complainant = new HashMap<>((Map<String, Object>) complaint.get("complainant"));
        complaint.put("complainant", complainant);
        String company = (String) complainant.get("companyName");
        String phone = (String) complainant.get("phone");
        complaint.put("facts", company + " 的张经理（电话 " + phone + "）反映：窗口工作人员李某某以材料不全为由三次退件，"
                + "信用代码 " + complainant.get("creditCode") + " 的变更登记拖延两个月。另一联系人电话 13800001111。");
        complaint.put("respondent", Map.of("unitCode", "SF-SCJG", "person", "李某某"));
        String number = cases.register("office", complaint).number();

        JsonNode draft = api.as("office").post("/api/v1/exposures", Map.of("caseNumber", number,
                "problemType", "推诿扯皮", "maskedTerms", List.of("两个月"),
                "handling", "对相关责任人予以通报批评，责令限期整改。")).expect(201).json();
        long id = draft.get("id").asLong();
        String body = draft.get("body").asString();
        assertThat(body).doesNotContain(company, phone, "张经理", "李某某", "两个月",
                (String) complainant.get("creditCode"));
        assertThat(body).doesNotContain("13800001111").contains("［电话已隐去］", "××");
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("caseNumber").asString()).isEqualTo(number);

        // nothing is public before review
        assertThat(api.anonymous().get("/api/v1/public/exposures").expect(200).body()).doesNotContain("推诿扯皮\",\"body\":\"" + body);
        api.as("office").post("/api/v1/exposures/" + id + "/review", Map.of("approve", true)).problem(409);
        // a change is anonymised again: a name typed back in is hidden
        JsonNode edited = api.as("office").put("/api/v1/exposures/" + id, Map.of("title", "典型案例：变更登记被三次退件",
                "problemType", "推诿扯皮", "body", body + "经核实张经理所述属实。", "handling", "通报批评",
                "maskedTerms", List.of("两个月"))).expect(200).json();
        assertThat(edited.get("body").asString()).doesNotContain("张经理");
        api.as("office").post("/api/v1/exposures/" + id + "/submission").expect(200);
        api.as("office").put("/api/v1/exposures/" + id, Map.of("title", "t", "body", "b")).problem(409);
        // a refusal needs its reason and returns the draft; approval publishes
        assertThat(api.as("office").post("/api/v1/exposures/" + id + "/review", Map.of("approve", false))
                .problem(400).errorFields()).containsExactly("comment");
        assertThat(api.as("office").post("/api/v1/exposures/" + id + "/review",
                Map.of("approve", false, "comment", "处理结果写得太简略")).expect(200).text("status")).isEqualTo("DRAFT");
        api.as("office").post("/api/v1/exposures/" + id + "/submission").expect(200);
        JsonNode published = api.as("office").post("/api/v1/exposures/" + id + "/review",
                Map.of("approve", true, "comment", "同意公开")).expect(200).json();
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        List<String> actions = new java.util.ArrayList<>();
        published.get("events").forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("create", "update", "submit", "send-back", "submit", "publish");

        JsonNode item = api.anonymous().get("/api/v1/public/exposures/" + id).expect(200).json();
        assertThat(item.get("title").asString()).isEqualTo("典型案例：变更登记被三次退件");
        assertThat(item.has("caseNumber")).isFalse();
        assertThat(item.toString()).doesNotContain(company, phone, "张经理");
        // withdrawn items leave the portal
        api.as("office").post("/api/v1/exposures/" + id + "/withdrawal", Map.of("reason", "当事单位已整改")).expect(200);
        api.anonymous().get("/api/v1/public/exposures/" + id).problem(404);
    }

    @Test
    void onlyTheOfficeWritesAndOnlyReviewersPublish() {
        api.as("scjg").post("/api/v1/exposures", Map.of("title", "t", "body", "b")).problem(403);
        assertThat(api.as("office").post("/api/v1/exposures", Map.of("caseNumber", "SF-2026-999999",
                "maskedTerms", List.of("x"))).problem(400).errorFields())
                .containsExactlyInAnyOrder("caseNumber", "title", "body", "maskedTerms[0]");
        long id = api.as("dc-office").post("/api/v1/exposures", Map.of("title", "东城区典型案例",
                "body", "某窗口拒不出具一次性告知书。")).expect(201).json().get("id").asLong();
        // the city office sees the district's items; the district office does not see the city's
        api.as("office").get("/api/v1/exposures/" + id).expect(200);
        long city = api.as("office").post("/api/v1/exposures", Map.of("title", "市级典型案例", "body", "内容"))
                .expect(201).json().get("id").asLong();
        api.as("dc-office").get("/api/v1/exposures/" + city).problem(404);
    }
}
