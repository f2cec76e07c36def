package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Data scope (DESIGN §1) for each kind of account: outside scope a case does not exist (404); inside scope an
 * action outside one's role or party is refused (403).
 */
class ScopeApiTest extends ApiTest {


    @Test
    void eachAccountSeesExactlyItsScope() {
        Cases.Registered city = cases.inProgress(); // city case, lead unit 市市场监管局
        Cases.Registered district = cases.register("dc-office", Cases.complaint("SF-DC", "SF-DC-SCJG"));
        cases.act("dc-office", district.number(), "accept",
                Map.of("kind", "COMPLAINT", "complexity", "GENERAL", "categoryCode", "LICENSE_DELAY"));
        cases.act("dc-office", district.number(), "assign", Map.of("leadUnitCode", "SF-DC-SCJG"));

        // the city office and the city's leader see both (the district lies below the city)
        for (String user : List.of("office", "leader")) {
            api.as(user).get("/api/v1/cases/" + city.number()).expect(200);
            api.as(user).get("/api/v1/cases/" + district.number()).expect(200);
        }
        // the district office sees its own region only
        api.as("dc-office").get("/api/v1/cases/" + district.number()).expect(200);
        api.as("dc-office").get("/api/v1/cases/" + city.number()).problem(404);
        // units see what they are assigned, nothing else
        api.as("scjg").get("/api/v1/cases/" + city.number()).expect(200);
        api.as("scjg-head").get("/api/v1/cases/" + city.number()).expect(200);
        api.as("scjg").get("/api/v1/cases/" + district.number()).problem(404);
        api.as("dc-scjg").get("/api/v1/cases/" + district.number()).expect(200);
        api.as("dc-scjg").get("/api/v1/cases/" + city.number()).problem(404);
        for (String outsider : List.of("sw", "sw-head", "zj", "zj-head", "admin")) {
            api.as(outsider).get("/api/v1/cases/" + city.number()).problem(404);
            // acting on an invisible case is also a 404, so that existence does not leak
            api.as(outsider).post("/api/v1/cases/" + city.number() + "/sign").problem(404);
        }
        // a case that does not exist answers the same
        api.as("office").get("/api/v1/cases/SF-2026-999999").problem(404);
    }

    @Test
    void listsOnlyHoldTheCallersCases() {
        Cases.Registered city = cases.inProgress();
        Cases.Registered district = cases.register("dc-office", Cases.complaint("SF-DC", "SF-DC-SCJG"));
        assertThat(listed("office")).contains(city.number(), district.number());
        assertThat(listed("leader")).contains(city.number(), district.number());
        assertThat(listed("dc-office")).contains(district.number()).doesNotContain(city.number());
        assertThat(listed("scjg")).contains(city.number()).doesNotContain(district.number());
        assertThat(listed("sw")).doesNotContain(city.number(), district.number());
        assertThat(listed("admin")).isEmpty();
    }

    @Test
    void actionsOutsideOnesRoleAreForbidden() {
        Cases.Registered r = cases.register();
        // a handler does not even see a case not assigned to its unit; a leader sees it but may not accept
        api.as("scjg").post("/api/v1/cases/" + r.number() + "/accept", Map.of()).problem(404);
        api.as("leader").post("/api/v1/cases/" + r.number() + "/accept",
                Map.of("kind", "COMPLAINT", "complexity", "GENERAL", "categoryCode", "OTHER")).problem(403);
        cases.accept(r.number(), "GENERAL");
        cases.assign(r.number(), "SF-SCJG");
        // the office cannot sign for the unit
        api.as("office").post("/api/v1/cases/" + r.number() + "/sign").problem(403);
        cases.act("scjg", r.number(), "sign", Map.of());
        // the head signs off, the handler drafts — not the other way round
        api.as("scjg-head").post("/api/v1/cases/" + r.number() + "/draft-result", Cases.result("2026-11-23"))
                .problem(403);
        cases.act("scjg", r.number(), "draft-result", Cases.result("2026-11-23"));
        api.as("scjg").post("/api/v1/cases/" + r.number() + "/sign-off", Map.of()).problem(403);
        cases.act("scjg-head", r.number(), "sign-off", Map.of());
        // only the office reviews
        api.as("scjg-head").post("/api/v1/cases/" + r.number() + "/review", Map.of("approve", true)).problem(403);
        api.as("leader").post("/api/v1/cases/" + r.number() + "/review", Map.of("approve", true)).problem(403);
        // registration is for office intake staff
        api.as("scjg").post("/api/v1/cases", Cases.complaint("SF", "SF-SCJG")).problem(403);
        api.as("leader").post("/api/v1/cases", Cases.complaint("SF", "SF-SCJG")).problem(403);
        // and for one's own region or below
        assertThat(api.as("dc-office").post("/api/v1/cases", Cases.complaint("SF", "SF-SCJG")).problem(400)
                .errorFields()).containsExactly("regionCode");
        // a leader may look but is offered no action
        assertThat(cases.get("leader", r.number()).get("allowedActions")).isEmpty();
    }

    @Test
    void theRespondentUnitSeesTheComplainantOnlyAsThePolicyAllowsAndPhonesAreMaskedWithoutNeedToKnow() {
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        @SuppressWarnings("unchecked")
        Map<String, Object> complainant = (Map<String, Object>) body.get("complainant");
        complainant.put("phone", "13812345678");
        Cases.Registered r = cases.register("office", body);
        cases.accept(r.number(), "GENERAL");
        cases.assign(r.number(), "SF-SCJG", "SF-SW");
        // zaoyang: the 交办单 carries the company and its phone to the lead unit
        assertThat(cases.get("scjg", r.number()).get("complainant").get("phone").asString()).isEqualTo("13812345678");
        assertThat(cases.get("sw", r.number()).get("complainant").get("phone").asString()).isEqualTo("138****5678");
        assertThat(cases.get("leader", r.number()).get("complainant").get("phone").asString()).isEqualTo("138****5678");
        assertThat(cases.get("office", r.number()).get("complainant").get("phone").asString()).isEqualTo("13812345678");
        // an anonymous complainant stays anonymous for units
        Map<String, Object> anonymous = Cases.complaint("SF", "SF-SCJG");
        @SuppressWarnings("unchecked")
        Map<String, Object> who = (Map<String, Object>) anonymous.get("complainant");
        who.put("anonymous", true);
        Cases.Registered a = cases.register("office", anonymous);
        cases.accept(a.number(), "GENERAL");
        cases.assign(a.number(), "SF-SCJG");
        JsonNode seen = cases.get("scjg", a.number()).get("complainant");
        assertThat(seen.get("name").asString()).isEqualTo("（保密）");
        assertThat(seen.has("phone")).isFalse();
        assertThat(seen.has("creditCode")).isFalse();
    }

    List<String> listed(String user) {
        List<String> numbers = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.as(user).get("/api/v1/cases?size=200" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200).json();
            page.get("items").forEach(i -> numbers.add(i.get("number").asString()));
            cursor = page.has("nextCursor") && !page.get("nextCursor").isNull() ? page.get("nextCursor").asString()
                    : null;
        } while (cursor != null);
        return numbers;
    }
}
