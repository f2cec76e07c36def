package cn.yousu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.Api;
import cn.yousu.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The calendar over HTTP: deadlines, days, years, and an administrator adding a year. */
class CalendarApiTest extends ApiTest {

    @Test
    void theDeadlineOfTheDesignExample() {
        JsonNode d = api.anonymous().get("/api/v1/calendar/deadline?start=" + Api.q("2026-09-30T10:00:00+08:00")
                + "&workingDays=5").expect(200).json();
        assertThat(d.get("due").asString()).isEqualTo("2026-10-13T23:59:59+08:00");
        assertThat(d.get("officialData").asBoolean()).isTrue();
    }

    @Test
    void daysAroundNationalDay() {
        JsonNode days = api.anonymous().get("/api/v1/calendar/days?from=2026-09-25&to=2026-10-15").expect(200).json();
        assertThat(days).hasSize(21);
        JsonNode oct10 = days.valueStream().filter(d -> d.get("date").asString().equals("2026-10-10")).findFirst()
                .orElseThrow();
        assertThat(oct10.get("workingDay").asBoolean()).isTrue();
        assertThat(oct10.get("name").asString()).isEqualTo("国庆节");
        assertThat(days.valueStream().filter(d -> d.get("workingDay").asBoolean()).count()).isEqualTo(10);
    }

    @Test
    void badParametersAreNamed() {
        assertThat(api.anonymous().get("/api/v1/calendar/deadline?start=yesterday&workingDays=-1").problem(400)
                .errorFields()).containsExactlyInAnyOrder("start", "workingDays");
        assertThat(api.anonymous().get("/api/v1/calendar/deadline").problem(400).errorFields())
                .containsExactlyInAnyOrder("start", "workingDays");
        assertThat(api.anonymous().get("/api/v1/calendar/days?from=2026-10-15&to=2026-09-25").problem(400)
                .errorFields()).containsExactly("to");
        assertThat(api.anonymous().get("/api/v1/calendar/days?from=2026-02-30&to=x").problem(400).errorFields())
                .containsExactlyInAnyOrder("from", "to");
    }

    @Test
    void anAdministratorAddsTheNextYearAndTheFallbackWarningGoes() {
        String start = Api.q("2027-09-30T10:00:00+08:00");
        JsonNode before = api.anonymous().get("/api/v1/calendar/deadline?start=" + start + "&workingDays=5").json();
        assertThat(before.get("officialData").asBoolean()).isFalse();
        assertThat(before.get("warnings").get(0).asString()).contains("2027");
        assertThat(before.get("due").asString()).isEqualTo("2027-10-07T23:59:59+08:00");

        Map<String, Object> year2027 = Map.of("year", 2027, "papers", List.of("https://www.gov.cn/example-2027"),
                "days", List.of(
                        Map.of("name", "国庆节", "date", "2027-10-01", "isOffDay", true),
                        Map.of("name", "国庆节", "date", "2027-10-04", "isOffDay", true),
                        Map.of("name", "国庆节", "date", "2027-10-05", "isOffDay", true),
                        Map.of("name", "国庆节", "date", "2027-10-06", "isOffDay", true),
                        Map.of("name", "国庆节", "date", "2027-10-07", "isOffDay", true),
                        Map.of("name", "国庆节", "date", "2027-10-09", "isOffDay", false)));
        // only an administrator may
        api.anonymous().post("/api/v1/calendar/years", year2027).problem(401);
        api.as("office").post("/api/v1/calendar/years", year2027).problem(403);
        JsonNode imported = api.as("admin").post("/api/v1/calendar/years", year2027).expect(201).json();
        assertThat(imported.get("year").asInt()).isEqualTo(2027);
        assertThat(imported.get("specialDays").asInt()).isEqualTo(6);

        JsonNode after = api.anonymous().get("/api/v1/calendar/deadline?start=" + start + "&workingDays=5").json();
        assertThat(after.get("officialData").asBoolean()).isTrue();
        // 10-08 (Fri), 10-09 (make-up Sat), 10-11, 10-12, 10-13
        assertThat(after.get("due").asString()).isEqualTo("2027-10-13T23:59:59+08:00");
        assertThat(api.anonymous().get("/api/v1/calendar/years").json().valueStream()
                .map(y -> y.get("year").asInt()).toList()).contains(2015, 2026, 2027);
    }

    @Test
    void badYearDataIsRefusedAndChangesNothing() {
        Map<String, Object> bad = Map.of("year", 2026, "papers", List.of(), "days", List.of(
                Map.of("name", "国庆节", "date", "2027-05-01", "isOffDay", true),
                Map.of("name", "", "date", "2026-13-01", "isOffDay", true),
                Map.of("name", "元旦", "date", "2026-01-01")));
        Api.Response r = api.as("admin").post("/api/v1/calendar/years", bad).problem(400);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("days[0].date", "days[1].name", "days[1].date",
                "days[2].isOffDay");
        // 2026 keeps its official data
        JsonNode d = api.anonymous().get("/api/v1/calendar/deadline?start=" + Api.q("2026-09-30T10:00:00+08:00")
                + "&workingDays=5").json();
        assertThat(d.get("due").asString()).isEqualTo("2026-10-13T23:59:59+08:00");
        assertThat(api.as("admin").post("/api/v1/calendar/years", Map.of("papers", List.of())).problem(400)
                .errorFields()).containsExactlyInAnyOrder("year", "days");
    }
}
