package cn.yousu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/** Deadlines on the official 2015–2026 calendar the product ships (DESIGN §7). */
class WorkCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static WorkCalendar calendar;

    @BeforeAll
    static void loadShippedData() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<HolidayYear> years = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources(CalendarService.SHIPPED)) {
            try (InputStream in = r.getInputStream()) {
                years.add(CalendarService.validate(json.readValue(in, HolidayYear.class)));
            }
        }
        assertThat(years).hasSize(12);
        calendar = WorkCalendar.of(years);
    }

    static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    static OffsetDateTime due(String start, int workingDays) {
        return calendar.deadline(at(start), TimeLimit.workingDays(workingDays), SHANGHAI).due().atZone(SHANGHAI)
                .toOffsetDateTime();
    }

    @Test
    void designExample_assignedOnTheEveOfNationalDay_isDueOnOctober13() {
        // 10-01..07 off, 10-10 (Saturday) is a make-up working day
        assertThat(due("2026-09-30T10:00:00+08:00", 5)).isEqualTo(OffsetDateTime.parse("2026-10-13T23:59:59+08:00"));
    }

    @ParameterizedTest(name = "{0} + {1} working days → {2}")
    @CsvSource({
            // Spring Festival 2026: 02-14 (Sat) works, 02-15..23 off, 02-28 (Sat) works
            "2026-02-13T09:00:00+08:00, 5, 2026-02-27T23:59:59+08:00",
            "2026-02-12T16:30:00+08:00, 5, 2026-02-26T23:59:59+08:00",
            "2026-02-10T09:00:00+08:00, 20, 2026-03-16T23:59:59+08:00",
            "2026-02-14T11:00:00+08:00, 1, 2026-02-24T23:59:59+08:00",
            // National Day and Mid-Autumn 2026: 09-20 (Sun) works, 09-25..27 off, 10-01..07 off, 10-10 (Sat) works
            "2026-09-18T09:00:00+08:00, 5, 2026-09-24T23:59:59+08:00",
            "2026-09-24T17:55:00+08:00, 5, 2026-10-09T23:59:59+08:00",
            "2026-09-30T17:55:00+08:00, 1, 2026-10-08T23:59:59+08:00",
            "2026-09-30T17:55:00+08:00, 20, 2026-11-03T23:59:59+08:00",
            // New Year's Day 2019 was moved into 2018: 2018-12-29 (Sat) worked, 12-30..01-01 off
            "2018-12-28T09:00:00+08:00, 1, 2018-12-29T23:59:59+08:00",
            "2018-12-29T09:00:00+08:00, 1, 2019-01-02T23:59:59+08:00",
            // an ordinary week; the start day is never counted, even a Saturday
            "2026-11-20T18:00:00+08:00, 5, 2026-11-27T23:59:59+08:00",
            "2026-11-21T10:00:00+08:00, 5, 2026-11-27T23:59:59+08:00"
    })
    void countsOnTheOfficialCalendar(String start, int days, String expected) {
        assertThat(due(start, days)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @Test
    void makeUpWorkingDaysAndHolidaysAreKnownByName() {
        assertThat(calendar.day(LocalDate.parse("2026-10-10"))).isEqualTo(
                new CalendarDay(LocalDate.parse("2026-10-10"), true, "国庆节", true));
        assertThat(calendar.day(LocalDate.parse("2026-10-05")).workingDay()).isFalse();
        assertThat(calendar.day(LocalDate.parse("2026-02-14")).workingDay()).isTrue();
        assertThat(calendar.day(LocalDate.parse("2026-11-23")).workingDay()).isTrue();
        assertThat(calendar.day(LocalDate.parse("2026-11-22")).workingDay()).isFalse();
    }

    @Test
    void twentyFourHoursAreClockHoursEvenOverAHoliday() {
        Deadline d = calendar.deadline(at("2026-09-30T17:55:00+08:00"), TimeLimit.hours(24), SHANGHAI);
        assertThat(d.due()).isEqualTo(at("2026-10-01T17:55:00+08:00"));
        assertThat(d.officialData()).isTrue();
    }

    @Test
    void calendarDaysEndAtTheEndOfTheNthDay() {
        Deadline d = calendar.deadline(at("2026-09-30T17:55:00+08:00"), TimeLimit.days(5), SHANGHAI);
        assertThat(d.due()).isEqualTo(at("2026-10-05T23:59:59+08:00"));
    }

    @Test
    void aYearWithoutOfficialDataFallsBackToWeekendsAndSaysSo() {
        assertThat(calendar.hasOfficialData(2026)).isTrue();
        assertThat(calendar.hasOfficialData(2027)).isFalse();
        Deadline d = calendar.deadline(at("2026-12-30T10:00:00+08:00"), TimeLimit.workingDays(5), SHANGHAI);
        // 2027-01-01 counts as a working day until the 2027 notice is imported
        assertThat(d.due()).isEqualTo(at("2027-01-06T23:59:59+08:00"));
        assertThat(d.officialData()).isFalse();
        assertThat(d.warnings()).singleElement().asString().contains("2027");
        assertThat(calendar.day(LocalDate.parse("2027-01-01")).official()).isFalse();
        Deadline inside = calendar.deadline(at("2026-11-23T10:00:00+08:00"), TimeLimit.workingDays(5), SHANGHAI);
        assertThat(inside.officialData()).isTrue();
        assertThat(inside.warnings()).isEmpty();
    }

    @Test
    void workingDaysBetweenCountsTheDaysAfterTheFirst() {
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-13")))
                .isEqualTo(5);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-10-13"), LocalDate.parse("2026-10-13")))
                .isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-10-13"), LocalDate.parse("2026-10-01")))
                .isZero();
    }

    @Test
    void extendingADeadlineCountsWorkingDaysFromTheOldDeadline() {
        Deadline d = calendar.extend(at("2026-09-30T23:59:59+08:00"), TimeLimit.workingDays(2), SHANGHAI);
        assertThat(d.due()).isEqualTo(at("2026-10-09T23:59:59+08:00"));
    }

    @ParameterizedTest(name = "at {0}: {1} {2}")
    @CsvSource({
            "2026-10-09T10:00:00+08:00, NORMAL, 剩余 3 个工作日",
            "2026-10-12T10:00:00+08:00, YELLOW, 剩余 1 个工作日",
            "2026-10-13T17:55:00+08:00, YELLOW, 今日到期",
            "2026-10-14T09:00:00+08:00, RED, 已超期 1 个工作日",
            "2026-10-19T09:00:00+08:00, RED, 已超期 4 个工作日"
    })
    void yellowWithOneWorkingDayLeftRedWhenOverdue(String now, String state, String label) {
        DeadlineStatus status = calendar.status(at("2026-10-13T23:59:59+08:00"), at(now), SHANGHAI, 1);
        assertThat(status.state().name()).isEqualTo(state);
        assertThat(status.label()).isEqualTo(label);
    }

    @Test
    void theClerkAt1755BeforeNationalDaySeesTheNextWorkingDayAsTheLastOne() {
        // due at the end of 10-08: only one working day (10-08) lies between 09-30 and the deadline
        DeadlineStatus status = calendar.status(at("2026-10-08T23:59:59+08:00"), at("2026-09-30T17:55:00+08:00"),
                SHANGHAI, 1);
        assertThat(status.state()).isEqualTo(DeadlineStatus.State.YELLOW);
        assertThat(status.workingDaysLeft()).isEqualTo(1);
    }
}
