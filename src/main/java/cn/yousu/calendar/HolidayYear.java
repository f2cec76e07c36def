package cn.yousu.calendar;

import java.util.List;

/**
 * One year of official holiday data in the holiday-cn JSON format
 * ({@code {"year": 2026, "papers": [...], "days": [{"name", "date", "isOffDay"}]}}).
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record HolidayYear(Integer year, List<String> papers, List<Day> days) {

    public record Day(String name, String date, Boolean isOffDay) {
    }
}
