package cn.yousu.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The official working-day calendar. Weekends are off except make-up working days (调休); statutory
 * holidays are off. A year without official data falls back to the weekend rule, and every answer
 * that relied on that says so.
 *
 * <p>Counting (DESIGN §7): the start day is not counted; a deadline of N working days is the end
 * (23:59:59) of the Nth working day after the start, in the given time zone.
 */
public class WorkCalendar {

    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    /** Days that differ from the weekend rule or carry a name: date → off-day flag and name. */
    private final Map<LocalDate, Special> specials;
    private final Set<Integer> officialYears;

    record Special(boolean offDay, String name) {
    }

    WorkCalendar(Map<LocalDate, Special> specials, Set<Integer> officialYears) {
        this.specials = Map.copyOf(specials);
        this.officialYears = Set.copyOf(officialYears);
    }

    /** A calendar built straight from holiday-cn years, later years winning where two name the same day. */
    static WorkCalendar of(java.util.Collection<HolidayYear> years) {
        Map<LocalDate, Special> specials = new java.util.HashMap<>();
        Set<Integer> official = new java.util.HashSet<>();
        years.stream().sorted(java.util.Comparator.comparing(HolidayYear::year)).forEach(y -> {
            official.add(y.year());
            y.days().forEach(d -> specials.put(LocalDate.parse(d.date()), new Special(d.isOffDay(), d.name())));
        });
        return new WorkCalendar(specials, official);
    }

    public boolean hasOfficialData(int year) {
        return officialYears.contains(year);
    }

    public Set<Integer> officialYears() {
        return new TreeSet<>(officialYears);
    }

    public boolean isWorkingDay(LocalDate date) {
        Special special = specials.get(date);
        if (special != null) {
            return !special.offDay();
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    public CalendarDay day(LocalDate date) {
        Special special = specials.get(date);
        return new CalendarDay(date, isWorkingDay(date), special == null ? null : special.name(),
                hasOfficialData(date.getYear()));
    }

    public List<CalendarDay> days(LocalDate from, LocalDate to) {
        List<CalendarDay> result = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            result.add(day(d));
        }
        return result;
    }

    /** The Nth working day after {@code start} (the start itself is not counted); {@code start} for N = 0. */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        LocalDate d = start;
        int counted = 0;
        while (counted < workingDays) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** Working days d with {@code from < d <= to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The deadline of {@code limit} counted from {@code start}. */
    public Deadline deadline(Instant start, TimeLimit limit, ZoneId zone) {
        LocalDate startDate = start.atZone(zone).toLocalDate();
        Instant due = switch (limit.unit()) {
            case HOURS -> start.plus(limit.amount(), ChronoUnit.HOURS);
            case DAYS -> endOfDay(startDate.plusDays(limit.amount()), zone);
            case WORKING_DAYS -> endOfDay(addWorkingDays(startDate, limit.amount()), zone);
        };
        return withWarnings(due, startDate, due.atZone(zone).toLocalDate(), limit.unit() == LimitUnit.WORKING_DAYS);
    }

    /** {@code due} moved later by {@code limit} (an approved extension, a suspension's lost time). */
    public Deadline extend(Instant due, TimeLimit limit, ZoneId zone) {
        if (limit.unit() == LimitUnit.HOURS) {
            return new Deadline(due.plus(limit.amount(), ChronoUnit.HOURS), true, List.of());
        }
        LocalDate dueDate = due.atZone(zone).toLocalDate();
        LocalDate newDate = limit.unit() == LimitUnit.DAYS ? dueDate.plusDays(limit.amount())
                : addWorkingDays(dueDate, limit.amount());
        return withWarnings(endOfDay(newDate, zone), dueDate, newDate, limit.unit() == LimitUnit.WORKING_DAYS);
    }

    /** Where {@code due} stands at {@code now}: yellow with {@code yellowWorkingDays} or fewer left, red when past. */
    public DeadlineStatus status(Instant due, Instant now, ZoneId zone, int yellowWorkingDays) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate dueDate = due.atZone(zone).toLocalDate();
        if (now.isAfter(due)) {
            int overdue = workingDaysBetween(dueDate, today);
            return new DeadlineStatus(DeadlineStatus.State.RED, 0, overdue,
                    overdue == 0 ? "已超期" : "已超期 " + overdue + " 个工作日");
        }
        if (!dueDate.isAfter(today)) {
            return new DeadlineStatus(DeadlineStatus.State.YELLOW, 0, 0, "今日到期");
        }
        int left = workingDaysBetween(today, dueDate);
        DeadlineStatus.State state = left <= yellowWorkingDays ? DeadlineStatus.State.YELLOW
                : DeadlineStatus.State.NORMAL;
        return new DeadlineStatus(state, left, 0, left == 0 ? "下一工作日前到期" : "剩余 " + left + " 个工作日");
    }

    public static Instant endOfDay(LocalDate date, ZoneId zone) {
        return date.atTime(END_OF_DAY).atZone(zone).toInstant();
    }

    private Deadline withWarnings(Instant due, LocalDate from, LocalDate to, boolean countsWorkingDays) {
        if (!countsWorkingDays) {
            return new Deadline(due, true, List.of());
        }
        List<String> warnings = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!hasOfficialData(year)) {
                warnings.add(year + " 年尚无官方节假日安排数据，已按周末规则计算，请管理员导入当年国务院通知");
            }
        }
        return new Deadline(due, warnings.isEmpty(), List.copyOf(warnings));
    }
}
