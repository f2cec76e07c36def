package cn.yousu.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Inspections (督察, seed 000): tasks, findings on the working-day calendar, follow-up, ledger, publication. */
class InspectionApiTest extends ApiTest {

    static Map<String, Object> task(String title) {
        return Map.of("regionCode", "SF", "theme", "ENFORCEMENT", "title", title, "content", "涉企检查、行政处罚",
                "unitCodes", List.of("SF-SCJG", "SF-ZJ"), "plannedStart", "2026-09-28", "plannedEnd", "2026-10-16");
    }

    @Test
    void anInspectionRunsFromFindingThroughRectificationToPublishedResults() {
        clock.set("2026-09-30T10:00:00+08:00");
        JsonNode created = api.as("office").post("/api/v1/inspections", task("执法监管专项督察")).expect(201).json();
        long id = created.get("id").asLong();
        assertThat(created.get("number").asString()).matches("SF督〔2026〕\\d+号");
        assertThat(created.get("themeName").asString()).isEqualTo("执法监管情况");
        // 3 working days from Wednesday 30 September: 8 and 9 October, then the make-up Saturday 10 October
        JsonNode withFinding = api.as("office").post("/api/v1/inspections/" + id + "/findings", Map.of(
                "unitCode", "SF-SCJG", "description", "对同一企业一月内重复检查三次",
                "requirement", "制定年度检查计划，推行综合查一次", "workingDays", 3)).expect(201).json();
        JsonNode finding = withFinding.get("findings").get(0);
        long findingId = finding.get("id").asLong();
        assertThat(finding.get("dueAt").asString()).startsWith("2026-10-10T23:59:59");
        assertThat(finding.get("status").asString()).isEqualTo("RECTIFYING");
        // the unit sees its finding, another unit does not see the inspection at all
        assertThat(api.as("scjg").get("/api/v1/inspections/" + id).expect(200).json().get("findings")).hasSize(1);
        api.as("sw").get("/api/v1/inspections/" + id).problem(404);
        api.as("sw").post("/api/v1/inspection-findings/" + findingId + "/rectification",
                Map.of("measures", "x")).problem(404);
        // the office cannot verify what was not reported; the unit reports
        api.as("office").post("/api/v1/inspection-findings/" + findingId + "/verification",
                Map.of("approve", true)).problem(409);
        assertThat(api.as("scjg").post("/api/v1/inspection-findings/" + findingId + "/rectification", Map.of())
                .problem(400).errorFields()).containsExactly("measures");
        api.as("scjg").post("/api/v1/inspection-findings/" + findingId + "/rectification",
                Map.of("measures", "已印发年度检查计划")).expect(200);
        // sent back: rectification continues against the same deadline, and after it the ledger shows it overdue
        assertThat(api.as("office").post("/api/v1/inspection-findings/" + findingId + "/verification",
                Map.of("approve", false)).problem(400).errorFields()).containsExactly("comment");
        api.as("office").post("/api/v1/inspection-findings/" + findingId + "/verification",
                Map.of("approve", false, "comment", "尚未推行综合查一次")).expect(200);
        clock.set("2026-10-12T09:00:00+08:00");
        JsonNode row = ledgerRow(api.as("office").get("/api/v1/inspections/ledger?overdue=true").expect(200).json(),
                findingId);
        assertThat(row).isNotNull();
        assertThat(row.get("finding").get("deadline").get("state").asString()).isEqualTo("RED");
        api.as("scjg").post("/api/v1/inspection-findings/" + findingId + "/rectification",
                Map.of("measures", "已推行综合查一次，检查次数下降 60%")).expect(200);
        JsonNode verified = api.as("office").post("/api/v1/inspection-findings/" + findingId + "/verification",
                Map.of("approve", true, "comment", "现场核验属实")).expect(200).json();
        assertThat(verified.get("verifiedCount").asInt()).isEqualTo(1);
        assertThat(ledgerRow(api.as("office").get("/api/v1/inspections/ledger?open=true").expect(200).json(),
                findingId)).isNull();
        List<String> actions = new ArrayList<>();
        verified.get("events").forEach(e -> actions.add(e.get("action").asString() + ":" + e.get("actor").asString()));
        assertThat(actions).containsExactly("create:office", "finding:office", "report:scjg", "send-back:office",
                "report:scjg", "verify:office");
        // publication of results
        assertThat(api.anonymous().get("/api/v1/public/inspections").expect(200).body()).doesNotContain("执法监管专项督察");
        api.as("office").post("/api/v1/inspections/" + id + "/publication",
                Map.of("summary", "发现问题 1 个，已整改到位 1 个")).expect(200);
        api.as("office").post("/api/v1/inspections/" + id + "/publication", Map.of("summary", "再次")).problem(409);
        api.as("office").post("/api/v1/inspections/" + id + "/findings", Map.of("unitCode", "SF-ZJ",
                "description", "d", "requirement", "r", "workingDays", 5)).problem(409);
        JsonNode published = null;
        for (JsonNode p : api.anonymous().get("/api/v1/public/inspections").expect(200).json()) {
            if (p.get("id").asLong() == id) {
                published = p;
            }
        }
        assertThat(published.get("resultSummary").asString()).contains("已整改到位 1 个");
        assertThat(published.get("findings").get(0).get("statusName").asString()).isEqualTo("已核验销号");
    }

    @Test
    void tasksAreCheckedFieldByFieldAndOnlyInspectorsRunThem() {
        assertThat(api.as("office").post("/api/v1/inspections", Map.of("regionCode", "SF-XX",
                "unitCodes", List.of("SF-SCJG", "NOPE"), "plannedStart", "2026-10-10", "plannedEnd", "2026-10-01"))
                .problem(400).errorFields())
                .containsExactlyInAnyOrder("regionCode", "theme", "title", "unitCodes[1]", "plannedEnd");
        // a district office cannot inspect the city, nor a city unit
        assertThat(api.as("dc-office").post("/api/v1/inspections", Map.of("regionCode", "SF-DC", "theme", "SERVICE",
                "title", "t", "unitCodes", List.of("SF-SCJG"), "plannedStart", "2026-11-23",
                "plannedEnd", "2026-11-30")).problem(400).errorFields()).containsExactly("unitCodes[0]");
        api.as("scjg").post("/api/v1/inspections", task("x")).problem(403);
        long id = api.as("office").post("/api/v1/inspections", task("政务服务督察")).expect(201).json().get("id")
                .asLong();
        assertThat(api.as("office").post("/api/v1/inspections/" + id + "/findings", Map.of("unitCode", "SF-SW",
                "workingDays", 0)).problem(400).errorFields())
                .containsExactlyInAnyOrder("unitCode", "description", "requirement", "workingDays");
        api.as("dc-office").get("/api/v1/inspections/" + id).problem(404);
    }

    private static JsonNode ledgerRow(JsonNode rows, long findingId) {
        for (JsonNode r : rows) {
            if (r.get("finding").get("id").asLong() == findingId) {
                return r;
            }
        }
        return null;
    }
}
