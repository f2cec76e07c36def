package cn.yousu.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import cn.yousu.shared.Validation;
import jakarta.annotation.PostConstruct;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the working-day calendar: loads the shipped official data (2015–2026) into the database on first
 * start, imports a new year from an administrator, and serves an in-memory snapshot that every node
 * refreshes when the stored years change.
 */
@Service
public class CalendarService {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);
    static final String SHIPPED = "classpath:calendar/holidays-cn/*.json";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private volatile WorkCalendar current = new WorkCalendar(Map.of(), Set.of());
    private volatile String loadedStamp = "";

    public CalendarService(JdbcClient jdbc, JsonMapper json, Clock clock, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** The calendar as it stands now. */
    public WorkCalendar current() {
        return current;
    }

    @PostConstruct
    void loadShippedYearsAndSnapshot() {
        Set<Integer> stored = new HashSet<>(jdbc.sql("SELECT cal_year FROM calendar_year").query(Integer.class).list());
        for (Resource resource : shippedResources()) {
            HolidayYear year;
            try (InputStream in = resource.getInputStream()) {
                year = validate(json.readValue(in, HolidayYear.class));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read shipped calendar " + resource, e);
            }
            if (stored.contains(year.year())) {
                continue;
            }
            try {
                transaction.executeWithoutResult(status -> store(year, "内置数据 " + resource.getFilename()));
            } catch (DuplicateKeyException loadedElsewhere) {
                // another node loaded the same year at the same moment
            }
        }
        reload();
    }

    /** Picks up years imported on another node. */
    @Scheduled(fixedDelayString = "${yousu.calendar.refresh-interval:60s}", initialDelayString = "60s")
    void refreshIfChanged() {
        if (!stamp().equals(loadedStamp)) {
            reload();
        }
    }

    /**
     * Imports (or replaces) one year of official data in the holiday-cn format. Bad data changes nothing
     * and names every bad field.
     */
    public CalendarYear importYear(HolidayYear year) {
        HolidayYear valid = validate(year);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM calendar_day WHERE cal_year = ?").param(valid.year()).update();
            jdbc.sql("DELETE FROM calendar_year WHERE cal_year = ?").param(valid.year()).update();
            store(valid, "管理员导入");
        });
        reload();
        return years().stream().filter(y -> y.year() == valid.year()).findFirst().orElseThrow();
    }

    public List<CalendarYear> years() {
        return jdbc.sql("""
                SELECT y.cal_year, y.papers, y.source, y.imported_at,
                       (SELECT COUNT(*) FROM calendar_day d WHERE d.cal_year = y.cal_year) AS special_days
                FROM calendar_year y ORDER BY y.cal_year""")
                .query((rs, n) -> new CalendarYear(rs.getInt("cal_year"), splitPapers(rs.getString("papers")),
                        rs.getInt("special_days"), rs.getString("source"),
                        rs.getObject("imported_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    static HolidayYear validate(HolidayYear year) {
        Validation v = Validation.start();
        if (year == null) {
            v.add("body", "请提供节假日数据").throwIfInvalid();
        }
        v.required(year.year(), "year", "年份");
        v.check(year.year() != null && (year.year() < 1949 || year.year() > 2200), "year", "年份应在 1949–2200 之间");
        v.check(year.papers() == null, "papers", "请提供国务院通知的网址列表（可为空数组）");
        v.required(year.days(), "days", "节假日列表");
        if (year.days() != null) {
            Set<LocalDate> seen = new HashSet<>();
            for (int i = 0; i < year.days().size(); i++) {
                HolidayYear.Day day = year.days().get(i);
                String at = "days[" + i + "]";
                if (day == null) {
                    v.add(at, "不能为空");
                    continue;
                }
                v.required(day.name(), at + ".name", "节日名称");
                v.required(day.isOffDay(), at + ".isOffDay", "是否休息");
                if (day.date() == null || day.date().isBlank()) {
                    v.add(at + ".date", "日期不能为空");
                    continue;
                }
                try {
                    LocalDate date = LocalDate.parse(day.date());
                    // a notice may move days at the turn of the year (the 2019 notice names 2018-12-29..31)
                    v.check(year.year() != null && !(date.getYear() == year.year()
                            || date.getYear() == year.year() - 1 && date.getMonthValue() == 12
                            || date.getYear() == year.year() + 1 && date.getMonthValue() == 1), at + ".date",
                            "日期 " + day.date() + " 不属于 " + year.year() + " 年的节假日安排");
                    v.check(!seen.add(date), at + ".date", "日期 " + day.date() + " 重复");
                } catch (DateTimeParseException e) {
                    v.add(at + ".date", "日期格式应为 YYYY-MM-DD");
                }
            }
        }
        v.throwIfInvalid();
        return year;
    }

    private void store(HolidayYear year, String source) {
        jdbc.sql("INSERT INTO calendar_year (cal_year, papers, source, imported_at) VALUES (?, ?, ?, ?)")
                .params(year.year(), String.join("\n", year.papers()), source,
                        Instant.now(clock).atOffset(java.time.ZoneOffset.UTC))
                .update();
        for (HolidayYear.Day day : year.days()) {
            jdbc.sql("INSERT INTO calendar_day (cal_date, cal_year, name, off_day) VALUES (?, ?, ?, ?)")
                    .params(LocalDate.parse(day.date()), year.year(), day.name(), day.isOffDay())
                    .update();
        }
    }

    private synchronized void reload() {
        String stamp = stamp();
        Map<LocalDate, WorkCalendar.Special> specials = new HashMap<>();
        jdbc.sql("SELECT cal_date, name, off_day FROM calendar_day ORDER BY cal_year").query(rs -> {
            specials.put(rs.getObject("cal_date", LocalDate.class),
                    new WorkCalendar.Special(rs.getBoolean("off_day"), rs.getString("name")));
        });
        Set<Integer> years = new HashSet<>(jdbc.sql("SELECT cal_year FROM calendar_year").query(Integer.class).list());
        current = new WorkCalendar(specials, years);
        loadedStamp = stamp;
        log.debug("Working-day calendar loaded: {} special days, official years {}", specials.size(),
                current.officialYears());
    }

    private String stamp() {
        return jdbc.sql("SELECT COUNT(*) || '/' || COALESCE(CAST(MAX(imported_at) AS VARCHAR(64)), '') FROM calendar_year")
                .query(String.class).single();
    }

    private static List<Resource> shippedResources() {
        try {
            return List.of(new PathMatchingResourcePatternResolver().getResources(SHIPPED));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list shipped calendar data", e);
        }
    }

    private static List<String> splitPapers(String papers) {
        if (papers == null || papers.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(List.of(papers.split("\n")));
    }
}
