package cn.yousu.calendar.web;

import cn.yousu.calendar.CalendarDay;
import cn.yousu.calendar.CalendarService;
import cn.yousu.calendar.CalendarYear;
import cn.yousu.calendar.Deadline;
import cn.yousu.calendar.HolidayYear;
import cn.yousu.calendar.TimeLimit;
import cn.yousu.calendar.WorkCalendar;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.Validation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar over HTTP: deadlines, days, and importing a new year. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarController {

    private final CalendarService calendars;
    private final ZoneId zone;

    CalendarController(CalendarService calendars, ZoneId applicationZone) {
        this.calendars = calendars;
        this.zone = applicationZone;
    }

    record DeadlineAnswer(OffsetDateTime start, int workingDays, OffsetDateTime due, boolean officialData,
            List<String> warnings) {
    }

    @GetMapping("/deadline")
    DeadlineAnswer deadline(@RequestParam(required = false) String start,
            @RequestParam(required = false) String workingDays) {
        Validation v = Validation.start();
        OffsetDateTime from = null;
        Integer days = null;
        if (start == null || start.isBlank()) {
            v.add("start", "开始时间不能为空");
        } else {
            try {
                from = OffsetDateTime.parse(start);
            } catch (DateTimeParseException e) {
                v.add("start", "开始时间应为带时区的 ISO-8601 时间，例如 2026-09-30T10:00:00+08:00");
            }
        }
        if (workingDays == null || workingDays.isBlank()) {
            v.add("workingDays", "工作日数不能为空");
        } else {
            try {
                days = Integer.valueOf(workingDays.trim());
                v.check(days < 0 || days > 366, "workingDays", "工作日数应在 0–366 之间");
            } catch (NumberFormatException e) {
                v.add("workingDays", "工作日数应为整数");
            }
        }
        v.throwIfInvalid();
        Deadline deadline = calendars.current().deadline(from.toInstant(), TimeLimit.workingDays(days), zone);
        return new DeadlineAnswer(from, days, deadline.due().atZone(zone).toOffsetDateTime(),
                deadline.officialData(), deadline.warnings());
    }

    @GetMapping("/days")
    List<CalendarDay> days(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Validation v = Validation.start();
        LocalDate first = parseDate(from, "from", "开始日期", v);
        LocalDate last = parseDate(to, "to", "结束日期", v);
        if (first != null && last != null) {
            v.check(last.isBefore(first), "to", "结束日期不能早于开始日期");
            v.check(ChronoUnit.DAYS.between(first, last) > 400, "to", "一次最多查询 400 天");
        }
        v.throwIfInvalid();
        return calendars.current().days(first, last);
    }

    record YearAnswer(int year, boolean official, List<String> papers, int specialDays, String source,
            OffsetDateTime importedAt) {
    }

    @GetMapping("/years")
    List<YearAnswer> years() {
        return calendars.years().stream().map(this::answer).toList();
    }

    /** An administrator adds (or corrects) a year from the State Council notice, in the holiday-cn JSON format. */
    @PostMapping("/years")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    YearAnswer importYear(@RequestBody(required = false) HolidayYear year) {
        if (year == null) {
            throw ApiProblem.invalid("body", "请提供节假日数据（holiday-cn JSON 格式）");
        }
        return answer(calendars.importYear(year));
    }

    private YearAnswer answer(CalendarYear y) {
        WorkCalendar calendar = calendars.current();
        return new YearAnswer(y.year(), calendar.hasOfficialData(y.year()), y.papers(), y.specialDays(), y.source(),
                y.importedAt().atZone(zone).toOffsetDateTime());
    }

    private static LocalDate parseDate(String value, String field, String label, Validation v) {
        if (value == null || value.isBlank()) {
            v.add(field, label + "不能为空");
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            v.add(field, label + "格式应为 YYYY-MM-DD");
            return null;
        }
    }
}
