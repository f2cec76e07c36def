package cn.yousu.calendar;

import java.time.Instant;
import java.util.List;

/** A year the calendar knows: its source documents and when it was loaded. */
public record CalendarYear(int year, List<String> papers, int specialDays, String source, Instant importedAt) {
}
