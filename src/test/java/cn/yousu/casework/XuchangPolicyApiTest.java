package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Under the Xuchang preset a second handling needs new evidence or reasons from the complainant (五(四)). */
@TestPropertySource(properties = "yousu.policy.preset=xuchang")
class XuchangPolicyApiTest extends ApiTest {


    @Test
    void aSecondHandlingNeedsNewEvidence() {
        Cases.Registered r = cases.visiting("2026-11-23");
        cases.act("office", r.number(), "visit", Map.of("reached", true, "method", "电话", "satisfaction", "DISSATISFIED"));
        cases.act("scjg", r.number(), "explain", Map.of("explanation", "已依法处理"));
        assertThat(api.as("office").post("/api/v1/cases/" + r.number() + "/conclude", Map.of("rehandle", true))
                .problem(400).errorFields()).containsExactly("newEvidence");
        assertThat(cases.get("office", r.number()).get("round").asInt()).isEqualTo(1);
        // the complainant sends new evidence through the tracking page: now it may be handled again
        api.anonymous().post("/api/v1/public/cases/" + r.number() + "/materials?code=" + r.code(),
                Map.of("content", "新证据：窗口出具的不予受理通知书（无理由）", "objection", true)).expect(200);
        assertThat(cases.act("office", r.number(), "conclude", Map.of("rehandle", true)).get("round").asInt())
                .isEqualTo(2);
    }

    @Test
    void orTheOfficeRecordsTheNewReasonsItReceivedByPhone() {
        Cases.Registered r = cases.visiting("2026-11-23");
        cases.act("office", r.number(), "visit", Map.of("reached", true, "method", "电话", "satisfaction", "DISSATISFIED"));
        cases.act("scjg", r.number(), "explain", Map.of("explanation", "已依法处理"));
        assertThat(cases.act("office", r.number(), "conclude", Map.of("rehandle", true, "newEvidence",
                "企业电话提供了新的收费凭证编号 2026-118")).get("status").asString()).isEqualTo("IN_PROGRESS");
    }
}
