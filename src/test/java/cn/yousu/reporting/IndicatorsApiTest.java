package cn.yousu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Each indicator of DESIGN §8 computed on a hand-built month (March 2030, a month no other test uses) of six cases
 * in 示范市, whose right answers are worked out here by hand:
 * <pre>
 * A 03-04 accepted at once, 市市场监管局, result 03-06 (due 03-11), visit 满意 → closed
 * B 03-04 accepted 03-07 (acceptance due 03-05: late), 市市场监管局, due 03-14, no result; reminded; referred
 * C 03-05 rejected the same day
 * D 03-05 accepted, 市税务局, due 03-12, result 03-14, returned for redo, again 03-15; visit 不满意, explained,
 *   concluded without second handling → closed dissatisfied
 * E 03-06 12345 hotline, 乱收费, 市市场监管局, due 03-13 extended by 2 working days to 03-15, result 03-14,
 *   visit 基本满意 → closed
 * F 03-20 still registered (never decided)
 * asked on 03-29:
 * response   4/6 (A C D E)       on-time 2/4 (A E of A B D E)   completion 3/4 (A D E of A B D E)
 * resolution 2/3 (A E of A D E)  satisfaction 2/3 visits        redo 1/4 (D)   extension 1/4 (E)
 * overdue 2 (B D)                supervision 1 (B)              referrals 1 (B)
 * </pre>
 */
class IndicatorsApiTest extends ApiTest {

    @Autowired
    MonthlySums sums;
    @Autowired
    JdbcClient jdbc;

    private static final String PERIOD = "from=2030-03-01&to=2030-03-31";
    private static Map<String, String> numbers;

    @BeforeEach
    void buildTheMonth() {
        if (numbers != null) {
            return;
        }
        numbers = new LinkedHashMap<>();
        at("2030-03-04T09:00");
        String a = register("A", "HOTLINE");
        String b = register("B", "HOTLINE");
        at("2030-03-04T10:00");
        cases.accept(a, "GENERAL");
        cases.assign(a, "SF-SCJG");
        cases.act("scjg", a, "sign", Map.of());
        at("2030-03-05T09:00");
        String c = register("C", "HOTLINE");
        cases.act("office", c, "reject", Map.of("reasons", List.of("CIVIL_DISPUTE"), "explanation", "属于民事纠纷，请通过诉讼解决"));
        String d = register("D", "HOTLINE");
        cases.accept(d, "GENERAL");
        cases.assign(d, "SF-SW");
        cases.act("sw", d, "sign", Map.of());
        at("2030-03-06T09:00");
        cases.submitResult(a, "2030-03-06");
        cases.act("office", a, "review", Map.of("approve", true));
        String e = register("E", "HOTLINE_12345");
        cases.act("office", e, "accept", Map.of("kind", "COMPLAINT", "complexity", "GENERAL", "categoryCode", "ILLEGAL_FEES"));
        cases.assign(e, "SF-SCJG");
        cases.act("scjg", e, "sign", Map.of());
        at("2030-03-07T09:00");
        cases.act("office", a, "visit", Map.of("reached", true, "method", "电话", "satisfaction", "SATISFIED"));
        cases.accept(b, "GENERAL");
        cases.assign(b, "SF-SCJG");
        cases.act("scjg", b, "sign", Map.of());
        at("2030-03-11T09:00");
        cases.act("scjg", e, "request-extension", Map.of("workingDays", 2, "reason", "需现场核查收费台账"));
        cases.act("office", e, "decide-extension", Map.of("approve", true));
        at("2030-03-14T09:00");
        cases.act("sw", d, "draft-result", Cases.result("2030-03-14"));
        cases.act("sw-head", d, "sign-off", Map.of("comment", "同意"));
        cases.act("office", d, "review", Map.of("approve", false, "failedChecks", List.of("FACTS_CLEAR"),
                "comment", "核查情况不清，请补充"));
        cases.submitResult(e, "2030-03-14");
        cases.act("office", e, "review", Map.of("approve", true));
        cases.act("office", b, "supervise", Map.of("level", "REMINDER", "content", "请加快办理"));
        cases.act("office", b, "refer", Map.of("target", "示范市纪委监委", "reason", "推诿拖延，涉嫌不作为"));
        at("2030-03-15T09:00");
        cases.act("sw", d, "draft-result", Cases.result("2030-03-15"));
        cases.act("sw-head", d, "sign-off", Map.of("comment", "同意"));
        cases.act("office", d, "review", Map.of("approve", true));
        at("2030-03-18T09:00");
        cases.act("office", d, "visit", Map.of("reached", true, "method", "电话", "satisfaction", "DISSATISFIED"));
        cases.act("office", e, "visit", Map.of("reached", true, "method", "电话", "satisfaction", "BASICALLY_SATISFIED"));
        cases.act("sw", d, "explain", Map.of("explanation", "企业诉求超出法定范围，已当面解释"));
        at("2030-03-19T09:00");
        cases.act("office", d, "conclude", Map.of("rehandle", false, "comment", "经研判，承办单位已依法处理并作出说明"));
        at("2030-03-20T09:00");
        register("F", "HOTLINE");
        numbers.putAll(Map.of("A", a, "B", b, "C", c, "D", d, "E", e));
    }

    @BeforeEach
    void askOnThe29th() {
        at("2030-03-29T09:00");
    }

    @Test
    void eachIndicatorOfTheCityInTheMonth() {
        JsonNode report = api.as("office").get("/api/v1/stats/indicators?regionCode=SF&" + PERIOD).expect(200).json();
        assertThat(report.get("regionName").asString()).isEqualTo("示范市");
        theMonthsAnswers(report);
        JsonNode response = figure(report, "responseRate");
        assertThat(response.get("display").asString()).isEqualTo("66.7%");
        assertThat(response.get("definition").asString()).startsWith("响应率 = ");
    }

    @Test
    void aMonthThatEndedIsCountedFromTheMonthlySumsWithTheSameAnswers() {
        at("2030-05-10T09:00");
        theMonthsAnswers(api.as("office").get("/api/v1/stats/indicators?regionCode=SF&" + PERIOD).expect(200).json());
        // whole March from the sums, the days around it from the cases
        theMonthsAnswers(api.as("office").get("/api/v1/stats/indicators?regionCode=SF&from=2030-02-20&to=2030-04-10")
                .expect(200).json());
        // the same once the appended changes are folded into the sums
        sums.fold();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_month_delta").query(Long.class).single()).isZero();
        theMonthsAnswers(api.as("office").get("/api/v1/stats/indicators?regionCode=SF&" + PERIOD).expect(200).json());
        JsonNode tax = api.as("office").get("/api/v1/stats/indicators?unitCode=SF-SW&" + PERIOD).expect(200).json();
        rate(tax, "onTimeRate", 0, 1);
        rate(tax, "redoRate", 1, 1);
        rate(tax, "satisfactionRate", 0, 1);
        JsonNode fees = api.as("office").get("/api/v1/stats/indicators?categoryCode=ILLEGAL_FEES&channel=HOTLINE_12345&"
                + PERIOD).expect(200).json();
        rate(fees, "extensionRate", 1, 1);
        rate(fees, "resolutionRate", 1, 1);
    }

    private static void theMonthsAnswers(JsonNode report) {
        rate(report, "responseRate", 4, 6);
        rate(report, "onTimeRate", 2, 4);
        rate(report, "completionRate", 3, 4);
        rate(report, "resolutionRate", 2, 3);
        rate(report, "satisfactionRate", 2, 3);
        rate(report, "redoRate", 1, 4);
        rate(report, "extensionRate", 1, 4);
        count(report, "overdueCount", 2);
        count(report, "supervisionCount", 1);
        count(report, "referralCount", 1);
    }

    @Test
    void perUnitCategoryAndChannel() {
        JsonNode tax = api.as("office").get("/api/v1/stats/indicators?unitCode=SF-SW&" + PERIOD).expect(200).json();
        rate(tax, "onTimeRate", 0, 1);
        rate(tax, "completionRate", 1, 1);
        rate(tax, "redoRate", 1, 1);
        rate(tax, "resolutionRate", 0, 1);
        rate(tax, "satisfactionRate", 0, 1);
        count(tax, "overdueCount", 1);
        JsonNode fees = api.as("office").get("/api/v1/stats/indicators?categoryCode=ILLEGAL_FEES&" + PERIOD)
                .expect(200).json();
        rate(fees, "extensionRate", 1, 1);
        rate(fees, "onTimeRate", 1, 1);
        JsonNode hotline = api.as("office").get("/api/v1/stats/indicators?channel=HOTLINE_12345&" + PERIOD)
                .expect(200).json();
        rate(hotline, "responseRate", 1, 1);
        rate(hotline, "resolutionRate", 1, 1);
        // a unit sees its own cases as lead unit, whatever it asks for
        JsonNode own = api.as("scjg").get("/api/v1/stats/indicators?" + PERIOD).expect(200).json();
        assertThat(own.get("unitCode").asString()).isEqualTo("SF-SCJG");
        rate(own, "onTimeRate", 2, 3);
    }

    @Test
    void eachFigureLinksToTheCasesBehindIt() {
        JsonNode report = api.as("office").get("/api/v1/stats/indicators?regionCode=SF&" + PERIOD).expect(200).json();
        JsonNode onTime = figure(report, "onTimeRate");
        assertThat(casesBehind(onTime.get("numeratorUrl").asString())).containsExactlyInAnyOrder(n("A"), n("E"));
        assertThat(casesBehind(onTime.get("denominatorUrl").asString()))
                .containsExactlyInAnyOrder(n("A"), n("B"), n("D"), n("E"));
        assertThat(casesBehind(figure(report, "overdueCount").get("numeratorUrl").asString()))
                .containsExactlyInAnyOrder(n("B"), n("D"));
        assertThat(casesBehind(figure(report, "satisfactionRate").get("numeratorUrl").asString()))
                .containsExactlyInAnyOrder(n("A"), n("E"));
        JsonNode tax = api.as("office").get("/api/v1/stats/indicators?unitCode=SF-SW&" + PERIOD).expect(200).json();
        assertThat(casesBehind(figure(tax, "redoRate").get("numeratorUrl").asString())).containsExactly(n("D"));
    }

    @Test
    void hotTopicsOfTheMonthWithTheCasesBehind() {
        JsonNode hot = api.as("office").get("/api/v1/stats/hot-topics?regionCode=SF&" + PERIOD).expect(200).json();
        // accepted as 行政许可… : A B D (C was rejected and F never decided, so they have no category); E is 乱收费 alone
        assertThat(hot.get("categories")).hasSize(1);
        assertThat(hot.get("categories").get(0).get("cases").asLong()).isEqualTo(3);
        assertThat(casesBehind(hot.get("categories").get(0).get("casesUrl").asString()))
                .containsExactlyInAnyOrder(n("A"), n("B"), n("D"));
        assertThat(hot.get("respondents").get(0).get("label").asString()).isEqualTo("示范市市场监督管理局");
        assertThat(hot.get("respondents").get(0).get("cases").asLong()).isEqualTo(6);
        assertThat(casesBehind(hot.get("respondents").get(0).get("casesUrl").asString())).hasSize(6);
        List<String> words = new ArrayList<>();
        hot.get("words").forEach(w -> words.add(w.get("label").asString()));
        assertThat(words).contains("营业执照").doesNotContain("执照");
    }

    @Test
    void badFiltersAreNamedAndOthersRefused() {
        List<String> fields = api.as("office").get("/api/v1/stats/indicators?regionCode=NOPE&unitCode=NOPE"
                + "&categoryCode=NOPE&channel=NOPE&from=2030-13-01&to=x").problem(400).errorFields();
        assertThat(fields).contains("regionCode", "unitCode", "categoryCode", "channel", "from", "to");
        assertThat(api.as("office").get("/api/v1/stats/indicators?from=2030-03-02&to=2030-03-01").problem(400)
                .errorFields()).containsExactly("to");
        assertThat(api.as("dc-office").get("/api/v1/stats/indicators?regionCode=SF").problem(400).errorFields())
                .containsExactly("regionCode");
        api.as("admin").get("/api/v1/stats/indicators").problem(403);
        assertThat(api.as("office").get("/api/v1/cases?measure=nothing.num").problem(400).errorFields())
                .containsExactly("measure");
    }

    private List<String> casesBehind(String casesUrl) {
        String query = casesUrl.substring(casesUrl.indexOf('?') + 1);
        JsonNode page = api.as("office").get("/api/v1/cases?size=200&" + query).expect(200).json();
        List<String> found = new ArrayList<>();
        page.get("items").forEach(i -> found.add(i.get("number").asString()));
        return found;
    }

    private static String n(String label) {
        return numbers.get(label);
    }

    private String register(String label, String channel) {
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        body.put("channel", channel);
        body.put("title", "指标测试 " + label);
        return cases.register("office", body).number();
    }

    private void at(String local) {
        clock.set(local + ":00+08:00");
    }

    /** The figure {@code key} of a report ({@code indicators}) or of a ranking's entry ({@code figures}). */
    static JsonNode figure(JsonNode report, String key) {
        for (JsonNode f : report.has("indicators") ? report.get("indicators") : report.get("figures")) {
            if (f.get("key").asString().equals(key)) {
                return f;
            }
        }
        throw new AssertionError("no indicator " + key + " in " + report);
    }

    static void rate(JsonNode report, String key, long numerator, long denominator) {
        JsonNode f = figure(report, key);
        assertThat(f.get("numerator").asLong()).as(key + " numerator").isEqualTo(numerator);
        assertThat(f.get("denominator").asLong()).as(key + " denominator").isEqualTo(denominator);
        assertThat(f.get("value").asDouble()).as(key).isCloseTo((double) numerator / denominator,
                org.assertj.core.data.Offset.offset(0.0001));
    }

    static void count(JsonNode report, String key, long expected) {
        assertThat(figure(report, key).get("numerator").asLong()).as(key).isEqualTo(expected);
    }
}
