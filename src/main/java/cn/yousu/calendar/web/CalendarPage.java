package cn.yousu.calendar.web;

import cn.yousu.calendar.CalendarDay;
import cn.yousu.calendar.CalendarService;
import cn.yousu.calendar.HolidayYear;
import cn.yousu.calendar.WorkCalendar;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The working-day calendar for administrators: a year's view (holidays, make-up working days, weekends) and adding a
 * year by uploading the State Council notice in the holiday-cn JSON format, checked by {@link CalendarService}.
 */
@Controller
class CalendarPage {

    private final CalendarService calendars;
    private final JsonMapper json;
    private final Clock clock;

    CalendarPage(CalendarService calendars, JsonMapper json, Clock clock) {
        this.calendars = calendars;
        this.json = json;
        this.clock = clock;
    }

    /** One day cell: null for the blanks before the first day of a month. */
    record Cell(LocalDate date, String kind, String name) {
    }

    record Month(int month, List<List<Cell>> weeks) {
    }

    @GetMapping("/admin/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        return show(year == null ? LocalDate.now(clock).getYear() : year, model, FieldErrors.none());
    }

    @PostMapping("/admin/calendar")
    String upload(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw ApiProblem.invalid("file", "请选择 holiday-cn 格式的 JSON 文件");
            }
            HolidayYear year;
            try {
                year = json.readValue(file.getBytes(), HolidayYear.class);
            } catch (JacksonException e) {
                throw ApiProblem.invalid("file", "文件不是有效的 holiday-cn JSON：" + e.getOriginalMessage());
            }
            var imported = calendars.importYear(year);
            redirect.addFlashAttribute("flash", "已导入 " + imported.year() + " 年的节假日安排（" + imported.specialDays()
                    + " 个特殊日期）");
            return "redirect:/admin/calendar?year=" + imported.year();
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return show(LocalDate.now(clock).getYear(), model, FieldErrors.of(problem));
        }
    }

    private String show(int year, Model model, FieldErrors errors) {
        WorkCalendar calendar = calendars.current();
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            List<CalendarDay> days = calendar.days(ym.atDay(1), ym.atEndOfMonth());
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int blank = 1; blank < ym.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(null);
            }
            for (CalendarDay d : days) {
                week.add(new Cell(d.date(), kind(d), d.name()));
                if (d.date().getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        model.addAttribute("year", year);
        model.addAttribute("official", calendar.hasOfficialData(year));
        model.addAttribute("months", months);
        model.addAttribute("years", calendars.years());
        model.addAttribute("errors", errors);
        return "calendar/calendar";
    }

    private static String kind(CalendarDay d) {
        boolean weekend = d.date().getDayOfWeek().getValue() >= 6;
        if (!d.workingDay()) {
            return d.name() != null ? "holiday" : "off";
        }
        return weekend ? "makeup" : "work";
    }
}
