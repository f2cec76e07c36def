package cn.yousu.calendar;

import java.time.LocalDate;

/**
 * One day of the calendar. {@code name} is the holiday's name for statutory holidays and make-up
 * working days (for example 国庆节), otherwise null. {@code official} is false when the year has no
 * official data and the day was classified by the weekend rule alone.
 */
public record CalendarDay(LocalDate date, boolean workingDay, String name, boolean official) {
}
