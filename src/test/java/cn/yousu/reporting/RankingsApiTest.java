package cn.yousu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The county ranking and the unit evaluation on hand-built months no other test uses. May 2030: 东城区 registers two
 * cases, accepts one at once and assigns it to 东城区市场监管局; 西城区 has one case nobody decided. Zaoyang's weights
 * (response .15, on-time .25, completion .20, resolution .10, satisfaction .30); only response and completion have
 * data, so their weights are shared: 东城区 (.15 × 1/2 + .20 × 0/1) / .35 = 21.43; 西城区 (.15 × 0/1) / .15 = 0.00.
 * June 2030: one undecided case in each county: both 0.00, tied first.
 */
class RankingsApiTest extends ApiTest {

    @Test
    void countiesRankedByTheWeightedScoreWithTheFiguresBehind() throws Exception {
        clock.set("2030-05-06T09:00:00+08:00");
        String dc1 = cases.register("dc-office", Cases.complaint("SF-DC", "SF-DC-SCJG")).number();
        cases.register("dc-office", Cases.complaint("SF-DC", "SF-DC-SCJG"));
        cases.register("office", Cases.complaint("SF-XC", "SF-XC-SCJG"));
        cases.act("dc-office", dc1, "accept", Map.of("kind", "COMPLAINT", "complexity", "GENERAL",
                "categoryCode", "LICENSE_DELAY"));
        cases.act("dc-office", dc1, "assign", Map.of("leadUnitCode", "SF-DC-SCJG"));
        clock.set("2030-05-08T09:00:00+08:00");

        JsonNode ranking = api.as("leader").get("/api/v1/stats/rankings?kind=county&month=2030-05").expect(200).json();
        assertThat(ranking.get("regionName").asString()).isEqualTo("示范市");
        JsonNode first = ranking.get("entries").get(0);
        JsonNode second = ranking.get("entries").get(1);
        assertThat(first.get("name").asString()).isEqualTo("东城区");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("score").asDouble()).isEqualTo(21.43);
        assertThat(second.get("name").asString()).isEqualTo("西城区");
        assertThat(second.get("rank").asInt()).isEqualTo(2);
        assertThat(second.get("score").asDouble()).isEqualTo(0.0);
        JsonNode response = IndicatorsApiTest.figure(first, "responseRate");
        assertThat(response.get("numerator").asLong()).isEqualTo(1);
        assertThat(response.get("denominator").asLong()).isEqualTo(2);
        assertThat(response.get("denominatorUrl").asString()).contains("regionCode=SF-DC", "measure=responseRate.den");

        JsonNode units = api.as("leader").get("/api/v1/stats/rankings?kind=unit&month=2030-05").expect(200).json();
        JsonNode top = units.get("entries").get(0);
        assertThat(top.get("code").asString()).isEqualTo("SF-DC-SCJG");
        assertThat(top.get("score").asDouble()).isEqualTo(42.86);
        // a unit without cases this month is listed after the ranked ones, unranked, with the reason
        JsonNode idle = null;
        for (JsonNode e : units.get("entries")) {
            if (e.get("code").asString().equals("SF-ZRZY")) {
                idle = e;
            }
        }
        assertThat(idle.get("rank").asInt()).isZero();
        assertThat(idle.get("note").asString()).isEqualTo("本月无诉求，不参与排名");
        assertThat(idle.has("score")).isFalse();

        byte[] xlsx = api.as("leader").download("/api/v1/stats/rankings.xlsx?month=2030-05");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet counties = book.getSheet("县区排名");
            DataFormatter f = new DataFormatter();
            assertThat(f.formatCellValue(counties.getRow(1).getCell(2))).isEqualTo("综合得分");
            assertThat(f.formatCellValue(counties.getRow(2).getCell(0))).isEqualTo("1");
            assertThat(f.formatCellValue(counties.getRow(2).getCell(1))).isEqualTo("东城区");
            assertThat(f.formatCellValue(counties.getRow(2).getCell(2))).isEqualTo("21.43");
            assertThat(f.formatCellValue(counties.getRow(2).getCell(4))).isEqualTo("50.0%（1/2）");
            assertThat(f.formatCellValue(book.getSheet("单位评价").getRow(2).getCell(1))).isEqualTo("东城区市场监督管理局");
        }
    }

    @Test
    void equalScoresShareTheRank() {
        clock.set("2030-06-03T09:00:00+08:00");
        cases.register("dc-office", Cases.complaint("SF-DC", "SF-DC-SCJG"));
        cases.register("office", Cases.complaint("SF-XC", "SF-XC-SCJG"));
        clock.set("2030-06-10T09:00:00+08:00");
        JsonNode ranking = api.as("office").get("/api/v1/stats/rankings?month=2030-06").expect(200).json();
        for (JsonNode e : ranking.get("entries")) {
            assertThat(e.get("rank").asInt()).isEqualTo(1);
            assertThat(e.get("score").asDouble()).isEqualTo(0.0);
            assertThat(e.get("note").asString()).isEqualTo("并列第 1 名");
        }
        assertThat(ranking.get("rules").asString()).contains("名次并列");
    }

    @Test
    void badInputAndUnitsRefused() {
        api.as("office").get("/api/v1/stats/rankings?month=2030-5x").problem(400);
        assertThat(api.as("office").get("/api/v1/stats/rankings?kind=x").problem(400).errorFields())
                .containsExactly("kind");
        api.as("scjg").get("/api/v1/stats/rankings").problem(403);
    }
}
