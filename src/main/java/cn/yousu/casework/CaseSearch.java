package cn.yousu.casework;

import cn.yousu.shared.Databases;
import cn.yousu.calendar.WorkCalendar;
import cn.yousu.identity.Actor;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.Region;
import cn.yousu.shared.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case list (台账 view): filters, keyset paging (newest first) and, always, only the caller's data scope
 * (DESIGN §1) — the same rule as {@link Case#visibleTo}, written as SQL.
 */
@Service
public class CaseSearch {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;

    private final JdbcClient jdbc;
    private final OrganizationDirectory directory;
    private final CaseService service;

    private final CaseRepository repository;
    private final ObjectProvider<CaseListMeasure> measures;

    CaseSearch(JdbcClient jdbc, OrganizationDirectory directory, CaseService service, CaseRepository repository,
            ObjectProvider<CaseListMeasure> measures) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.service = service;
        this.repository = repository;
        this.measures = measures;
    }

    /**
     * The raw filter as it arrives from a query string or a form. {@code measure} names a figure of another module
     * ({@link CaseListMeasure}); with it, {@code from}/{@code to} are that figure's period instead of the
     * registration dates.
     */
    public record Filter(String status, String regionCode, String unitCode, String categoryCode, String channel,
            String overdue, String from, String to, String q, String size, String cursor, String count,
            String measure) {

        public Filter(String status, String regionCode, String unitCode, String categoryCode, String channel,
                String overdue, String from, String to, String q, String size, String cursor, String count) {
            this(status, regionCode, unitCode, categoryCode, channel, overdue, from, to, q, size, cursor, count, null);
        }
    }

    /** The SQL condition of a filter in the caller's scope (null: the caller sees nothing), and the measure's text. */
    private record Where(StringBuilder sql, List<Object> params, String measureLabel) {
    }

    public record Summary(String number, String title, String kind, String kindName, String channel,
            String channelName, String status, String statusName, String regionCode, String regionName,
            String categoryCode, String leadUnitCode, String leadUnitName, String complainantName,
            OffsetDateTime registeredAt, OffsetDateTime dueAt, CaseView.DeadlineView deadline, boolean overdue,
            int round, int supervisionCount) {
    }

    public record Page(List<Summary> items, String nextCursor, Long total) {
    }

    /** The label of the filter's measure ({@link CaseListMeasure}), or null; 400 when the filter is invalid. */
    @Transactional(readOnly = true)
    public String measureLabel(Actor actor, Filter f) {
        Where w = where(actor, f, service.rules());
        return w == null ? null : w.measureLabel();
    }

    /**
     * The whole cases of a filter in the caller's scope, newest first, {@code size} at a time after {@code beforeId}
     * (keyset reading, for exports that stream every row of a filter).
     */
    @Transactional(readOnly = true)
    public List<Case> batch(Actor actor, Filter f, Long beforeId, int size) {
        Where w = where(actor, f, service.rules());
        if (w == null) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(w.params());
        String where = w.sql().substring(" WHERE ".length());
        if (beforeId != null) {
            where += " AND c.id < ?";
            params.add(beforeId);
        }
        return repository.findWhere(where, params, "c.id DESC", size);
    }

    private Where where(Actor actor, Filter f, CaseRules rules) {
        ZoneId zone = rules.zone();
        Validation v = Validation.start();
        List<CaseStatus> statuses = parseList(f.status(), CaseStatus.class, "status", "状态", v);
        List<Channel> channels = parseList(f.channel(), Channel.class, "channel", "渠道", v);
        LocalDate from = date(f.from(), "from", v);
        LocalDate to = date(f.to(), "to", v);
        v.check(from != null && to != null && to.isBefore(from), "to", "结束日期不能早于开始日期");
        Region region = null;
        if (!blank(f.regionCode())) {
            region = directory.region(f.regionCode()).orElse(null);
            v.check(region == null, "regionCode", "区域不存在");
        }
        v.check(!blank(f.unitCode()) && directory.organization(f.unitCode()).isEmpty(), "unitCode", "单位不存在");
        v.check(!blank(f.overdue()) && !Arrays.asList("true", "false").contains(f.overdue()), "overdue",
                "应为 true 或 false");
        if (!blank(f.size())) {
            try {
                int size = Integer.parseInt(f.size().trim());
                v.check(size < 1 || size > MAX_SIZE, "size", "每页条数应在 1–" + MAX_SIZE + " 之间");
            } catch (NumberFormatException e) {
                v.add("size", "每页条数应为整数");
            }
        }
        if (!blank(f.cursor())) {
            try {
                cursorId(f.cursor());
            } catch (IllegalArgumentException e) {
                v.add("cursor", "分页游标无效，请从第一页重新查询");
            }
        }
        v.maxLength(f.q(), 100, "q", "关键词");
        v.throwIfInvalid();

        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!scope(actor, where, params)) {
            return null;
        }
        if (!statuses.isEmpty()) {
            where.append(" AND c.status IN (").append(Databases.placeholders(statuses.size())).append(')');
            statuses.forEach(s -> params.add(s.name()));
        }
        if (!channels.isEmpty()) {
            where.append(" AND c.channel IN (").append(Databases.placeholders(channels.size())).append(')');
            channels.forEach(s -> params.add(s.name()));
        }
        if (region != null) {
            List<String> codes = subtree(region);
            where.append(" AND c.region_code IN (").append(Databases.placeholders(codes.size())).append(')');
            params.addAll(codes);
        }
        if (!blank(f.unitCode())) {
            where.append(" AND EXISTS (SELECT 1 FROM case_unit fu WHERE fu.case_id = c.id AND fu.unit_code = ?)");
            params.add(f.unitCode());
        }
        if (!blank(f.categoryCode())) {
            where.append(" AND c.category_code = ?");
            params.add(f.categoryCode());
        }
        CaseListMeasure.Condition measure = null;
        if (!blank(f.measure())) {
            Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
            Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
            String unit = blank(f.unitCode()) ? null : f.unitCode();
            measure = measures.orderedStream().map(m -> m.condition(f.measure().trim(), start, end, unit, rules.now()))
                    .flatMap(java.util.Optional::stream).findFirst()
                    .orElseThrow(() -> cn.yousu.shared.ApiProblem.invalid("measure", "统计口径「" + f.measure() + "」不存在"));
            where.append(" AND (").append(measure.sql()).append(')');
            params.addAll(measure.params());
        }
        if (from != null && measure == null) {
            where.append(" AND c.registered_at >= ?");
            params.add(CaseRepository.ts(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null && measure == null) {
            where.append(" AND c.registered_at < ?");
            params.add(CaseRepository.ts(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if ("true".equals(f.overdue()) || "false".equals(f.overdue())) {
            OffsetDateTime now = CaseRepository.ts(rules.now());
            String overdue = "(c.status IN ('ASSIGNED', 'IN_PROGRESS') AND c.due_at < ? AND c.result_submitted_at IS NULL"
                    + " OR c.status = 'REGISTERED' AND c.acceptance_due_at < ?"
                    + " OR c.first_replied_at IS NULL AND c.first_reply_due_at < ?"
                    + " AND c.status NOT IN ('REJECTED', 'TRANSFERRED_OUT', 'CLOSED', 'TERMINATED'))";
            where.append("true".equals(f.overdue()) ? " AND " + overdue : " AND NOT " + overdue);
            params.add(now);
            params.add(now);
            params.add(now);
        }
        if (!blank(f.q())) {
            String like = "%" + f.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            boolean identity = actor.inOffice() || actor.inGovernment();
            where.append(" AND (c.number = ? OR c.title LIKE ? ESCAPE '\\' OR c.facts LIKE ? ESCAPE '\\'");
            params.add(f.q().trim().toUpperCase(Locale.ROOT));
            params.add(like);
            params.add(like);
            if (identity) {
                where.append(" OR c.company_name LIKE ? ESCAPE '\\' OR c.complainant_name LIKE ? ESCAPE '\\'");
                params.add(like);
                params.add(like);
            }
            where.append(')');
        }
        return new Where(where, params, measure == null ? null : measure.label());
    }

    @Transactional(readOnly = true)
    public Page search(Actor actor, Filter f) {
        CaseRules rules = service.rules();
        Where w = where(actor, f, rules);
        if (w == null) {
            return new Page(List.of(), null, "true".equals(f.count()) ? 0L : null);
        }
        int size = blank(f.size()) ? DEFAULT_SIZE : Integer.parseInt(f.size().trim());
        Long cursor = blank(f.cursor()) ? null : cursorId(f.cursor());
        StringBuilder where = w.sql();
        List<Object> params = w.params();
        Long total = null;
        if ("true".equals(f.count())) {
            total = jdbc.sql("SELECT COUNT(*) FROM case_file c" + where).params(params).query(Long.class).single();
        }
        if (cursor != null) {
            where.append(" AND c.id < ?");
            params.add(cursor);
        }
        String sql = """
                SELECT c.id, c.number, c.title, c.kind, c.channel, c.status, c.region_code, c.category_code,
                       c.lead_unit_code, c.complainant_name, c.company_name, c.anonymous, c.registered_at, c.due_at,
                       c.acceptance_due_at, c.first_reply_due_at, c.first_replied_at, c.visit_due_at,
                       c.result_submitted_at, c.round, c.supervision_count
                FROM case_file c""" + where + " ORDER BY c.id DESC FETCH FIRST " + (size + 1) + " ROWS ONLY";
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getLong("id"),
                rs.getString("number"), rs.getString("title"), CaseKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")), CaseStatus.valueOf(rs.getString("status")),
                rs.getString("region_code"), rs.getString("category_code"), rs.getString("lead_unit_code"),
                rs.getBoolean("anonymous") ? "（匿名）" : firstNonBlank(rs.getString("company_name"),
                        rs.getString("complainant_name")),
                CaseRepository.instant(rs, "registered_at"), CaseRepository.instant(rs, "due_at"),
                CaseRepository.instant(rs, "acceptance_due_at"), CaseRepository.instant(rs, "first_reply_due_at"),
                CaseRepository.instant(rs, "first_replied_at"), CaseRepository.instant(rs, "visit_due_at"),
                CaseRepository.instant(rs, "result_submitted_at"), rs.getInt("round"),
                rs.getInt("supervision_count"))).list();
        boolean more = rows.size() > size;
        List<Row> page = more ? rows.subList(0, size) : rows;
        boolean showNames = actor.inOffice() || actor.inGovernment();
        List<Summary> items = page.stream().map(r -> r.summary(rules, directory, showNames)).toList();
        String next = more ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.valueOf(page.get(page.size() - 1).id()).getBytes(StandardCharsets.US_ASCII))
                : null;
        return new Page(items, next, total);
    }

    private record Row(long id, String number, String title, CaseKind kind, Channel channel, CaseStatus status,
            String regionCode, String categoryCode, String leadUnitCode, String complainantName, Instant registeredAt,
            Instant dueAt, Instant acceptanceDueAt, Instant firstReplyDueAt, Instant firstRepliedAt,
            Instant visitDueAt, Instant resultSubmittedAt, int round, int supervisionCount) {

        Summary summary(CaseRules rules, OrganizationDirectory directory, boolean showNames) {
            CaseView.DeadlineView deadline = switch (status) {
                case REGISTERED -> clock("受理时限", acceptanceDueAt, rules);
                case ACCEPTED -> firstRepliedAt == null ? clock("初步答复时限", firstReplyDueAt, rules) : null;
                case ASSIGNED, IN_PROGRESS -> clock("办理时限", dueAt, rules);
                case VISITING -> clock("回访时限", visitDueAt, rules);
                default -> null;
            };
            Instant now = rules.now();
            boolean overdue = status.isOpen() && (status == CaseStatus.REGISTERED && acceptanceDueAt != null
                    && now.isAfter(acceptanceDueAt)
                    || (status == CaseStatus.ASSIGNED || status == CaseStatus.IN_PROGRESS) && dueAt != null
                            && resultSubmittedAt == null && now.isAfter(dueAt)
                    || firstRepliedAt == null && firstReplyDueAt != null && now.isAfter(firstReplyDueAt));
            return new Summary(number, title, kind.name(), kind.label(), channel.name(), channel.label(), status.name(),
                    status.label(), regionCode, directory.regionName(regionCode), categoryCode, leadUnitCode,
                    leadUnitCode == null ? null : directory.organizationName(leadUnitCode),
                    showNames ? complainantName : null, CaseViews.at(registeredAt, rules),
                    CaseViews.at(dueAt, rules), deadline, overdue, round, supervisionCount);
        }

        private static CaseView.DeadlineView clock(String name, Instant due, CaseRules rules) {
            if (due == null) {
                return null;
            }
            WorkCalendar calendar = rules.calendar();
            return CaseView.DeadlineView.of(name, CaseViews.at(due, rules), calendar.status(due, rules.now(),
                    rules.zone(), rules.policy().warnings().yellowWorkingDaysLeft()));
        }
    }

    /** Adds the caller's data scope; false when the caller sees no cases at all. */
    private boolean scope(Actor actor, StringBuilder where, List<Object> params) {
        if (actor.inOffice() || actor.inGovernment()) {
            Region mine = directory.region(actor.regionCode()).orElse(null);
            if (mine == null) {
                return false;
            }
            List<String> codes = subtree(mine);
            String in = Databases.placeholders(codes.size());
            where.append(" AND (c.region_code IN (").append(in).append(") OR c.office_region_code IN (").append(in)
                    .append(") OR c.oversight_region_code IN (").append(in).append("))");
            params.addAll(codes);
            params.addAll(codes);
            params.addAll(codes);
            return true;
        }
        if (actor.inUnit()) {
            where.append(" AND EXISTS (SELECT 1 FROM case_unit su WHERE su.case_id = c.id AND su.unit_code = ?)");
            params.add(actor.orgCode());
            return true;
        }
        return false;
    }

    private static Long cursorId(String cursor) {
        return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII));
    }

    private List<String> subtree(Region top) {
        return directory.regions().stream().filter(top::contains).map(Region::code).toList();
    }

    private static <E extends Enum<E>> List<E> parseList(String raw, Class<E> type, String field, String label,
            Validation v) {
        if (blank(raw)) {
            return List.of();
        }
        List<E> values = new ArrayList<>();
        for (String part : raw.split(",")) {
            try {
                values.add(Enum.valueOf(type, part.trim()));
            } catch (IllegalArgumentException e) {
                v.add(field, label + "「" + part.trim() + "」不存在");
            }
        }
        return values;
    }

    private static LocalDate date(String raw, String field, Validation v) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            v.add(field, "日期格式应为 YYYY-MM-DD");
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
