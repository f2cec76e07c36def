package cn.yousu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Supervision by hand at any level, and the unit's supervision record: a reminder and a numbered notice issued by the
 * office, the unit's reply, what the unit, the office and another unit see.
 */
class SupervisionRecordApiTest extends ApiTest {

    private List<JsonNode> records(String as, String number) {
        List<JsonNode> found = new ArrayList<>();
        api.as(as).get("/api/v1/supervision/records").expect(200).json().forEach(r -> {
            if (r.get("caseNumber").asString().equals(number)) {
                found.add(r);
            }
        });
        return found;
    }

    @Test
    void officeIssuesEachLevelByHandAndTheUnitsRecordShowsThemWithTheReply() {
        String n = cases.inProgress().number();
        cases.act("office", n, "supervise", Map.of("level", "REMINDER", "content", "请加快办理进度"));
        JsonNode noticed = cases.act("office", n, "supervise", Map.of("level", "NOTICE",
                "content", "请于 5 日内将办理结果书面反馈"));
        JsonNode notice = noticed.get("supervisions").get(1);
        assertThat(notice.get("number").asString()).matches("〔2026〕\\d+号");
        cases.act("office", n, "supervise", Map.of("level", "LEADER", "content", "报请分管领导督办"));
        api.as("scjg").post("/api/v1/cases/" + n + "/supervise", Map.of("level", "NOTICE", "content", "x"))
                .problem(403);

        List<JsonNode> unit = records("scjg", n);
        assertThat(unit).extracting(r -> r.get("level").asString())
                .containsExactlyInAnyOrder("REMINDER", "NOTICE", "LEADER");
        JsonNode unitNotice = unit.stream().filter(r -> r.get("level").asString().equals("NOTICE")).findFirst()
                .orElseThrow();
        assertThat(unitNotice.get("noticeNumber").asString()).isEqualTo(notice.get("number").asString());
        assertThat(unitNotice.get("unitCode").asString()).isEqualTo("SF-SCJG");
        assertThat(unitNotice.get("unitName").asString()).isEqualTo("示范市市场监督管理局");
        assertThat(unitNotice.get("automatic").asBoolean()).isFalse();
        assertThat(unitNotice.get("repliedAt")).isNull();

        cases.act("scjg", n, "reply-supervision", Map.of("supervisionId", notice.get("id").asLong(),
                "content", "已办结，书面报告已报送"));
        JsonNode replied = records("office", n).stream().filter(r -> r.get("level").asString().equals("NOTICE"))
                .findFirst().orElseThrow();
        assertThat(replied.get("repliedAt").asString()).startsWith("2026-11-23T09:00");
        assertThat(replied.get("late").asBoolean()).isFalse();
        assertThat(records("sw", n)).isEmpty();
        api.as("sw").get("/api/v1/supervision/records?unitCode=SF-SCJG").problem(403);
        assertThat(records("dc-office", n)).isEmpty();
    }
}
