package cn.yousu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Regions, units, categories, vocabularies and the policy in force. */
class ReferenceApiTest extends ApiTest {

    @Test
    void theDemoCityWithItsDistrictsOfficesAndUnits() {
        JsonNode regions = api.anonymous().get("/api/v1/regions").expect(200).json();
        assertThat(regions.valueStream().map(r -> r.get("code").asString()).toList())
                .contains("SF", "SF-DC", "SF-XC");
        JsonNode dc = regions.valueStream().filter(r -> r.get("code").asString().equals("SF-DC")).findFirst()
                .orElseThrow();
        assertThat(dc.get("parentCode").asString()).isEqualTo("SF");
        assertThat(dc.get("officeName").asString()).isEqualTo("东城区营商办");
        JsonNode units = api.anonymous().get("/api/v1/units?regionCode=SF").expect(200).json();
        assertThat(units.valueStream().map(u -> u.get("code").asString()).toList())
                .contains("SF-SCJG", "SF-SW", "SF-ZJ").doesNotContain("SF-YSB", "SF-DC-SCJG");
        assertThat(api.anonymous().get("/api/v1/units?regionCode=ZZ").problem(400).errorFields())
                .containsExactly("regionCode");
    }

    @Test
    void theScopeTaxonomyAndVocabulariesComeFromTheSeeds() {
        JsonNode categories = api.anonymous().get("/api/v1/categories").expect(200).json();
        assertThat(categories).hasSize(19);
        assertThat(categories.toString()).contains("枣阳 三(一)2").contains("许昌 三(五)");
        JsonNode v = api.anonymous().get("/api/v1/vocabularies").expect(200).json();
        assertThat(v.get("rejectionReasons")).hasSize(14);
        assertThat(v.get("reviewChecks")).hasSize(8);
        assertThat(v.get("satisfactionLevels").valueStream().map(s -> s.get("label").asString()).toList())
                .containsExactly("非常满意", "满意", "基本满意", "不满意", "非常不满意");
        assertThat(v.get("terminationReasons")).hasSize(6);
    }

    @Test
    void thePolicyInForceIsZaoyang() {
        JsonNode p = api.anonymous().get("/api/v1/policy").expect(200).json();
        assertThat(p.get("preset").asString()).isEqualTo("zaoyang");
        assertThat(p.get("timeLimits").get("general").toString()).contains("WORKING_DAYS").contains("5");
    }

    @Test
    void administratorsAddRegionsAndUnitsWithOneOfficePerRegion() {
        api.as("admin").post("/api/v1/regions", Map.of("code", "SF-NQ", "name", "南区", "parentCode", "SF",
                "level", "COUNTY")).expect(201);
        api.as("admin").post("/api/v1/organizations", Map.of("code", "SF-NQ-YSB", "name", "南区营商办",
                "kind", "OFFICE", "regionCode", "SF-NQ", "complaintPhone", "0999-42345")).expect(201);
        assertThat(api.as("admin").post("/api/v1/organizations", Map.of("code", "SF-NQ-YSB2", "name", "南区第二营商办",
                "kind", "OFFICE", "regionCode", "SF-NQ")).problem(400).errorFields()).containsExactly("regionCode");
        assertThat(api.as("admin").post("/api/v1/organizations", Map.of("code", "bad code", "kind", "UNIT",
                "regionCode", "NOPE", "complaintPhone", "abc")).problem(400).errorFields())
                .containsExactlyInAnyOrder("code", "name", "regionCode", "complaintPhone");
        api.as("office").post("/api/v1/regions", Map.of("code", "SF-X", "name", "X", "level", "COUNTY")).problem(403);
        assertThat(api.as("admin").post("/api/v1/regions", Map.of("code", "SF-NQ", "name", "南区", "level", "COUNTY"))
                .problem(400).errorFields()).containsExactly("code");
    }
}
