package cn.yousu.exposure;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseService;
import cn.yousu.identity.Actor;
import cn.yousu.identity.Role;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exposure board's application service: drafts (anonymised on every save), review, publication, withdrawal.
 * Office staff of a region write and review its items; the public reads what is published.
 */
@Service
public class ExposureService {

    public enum Status {
        DRAFT("草稿"), PENDING_REVIEW("待审核"), PUBLISHED("已公开"), WITHDRAWN("已撤下");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A draft or change: from a case (its text and the names to hide come with it) or written from scratch. */
    public record Draft(String caseNumber, String title, String problemType, String body, String handling,
            List<String> maskedTerms) {
    }

    public record Review(Boolean approve, String comment) {
    }

    public record Withdraw(String reason) {
    }

    public record Event(String action, String actionName, String comment, String actor, String actorName,
            OffsetDateTime at) {
    }

    public record Item(long id, String regionCode, String regionName, String caseNumber, String title,
            String problemType, String body, String handling, List<String> maskedTerms, Status status,
            String statusName, String createdBy, OffsetDateTime createdAt, OffsetDateTime publishedAt, int version,
            List<Event> events) {
    }

    /** What the portal shows: no case number, no staff, only the anonymised text. */
    public record PublicItem(long id, String title, String problemType, String body, String handling,
            String regionName, OffsetDateTime publishedAt) {
    }

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final OrganizationDirectory directory;
    private final Clock clock;
    private final ZoneId zone;

    ExposureService(JdbcClient jdbc, CaseService cases, OrganizationDirectory directory, Clock clock,
            ZoneId applicationZone) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.directory = directory;
        this.clock = clock;
        this.zone = applicationZone;
    }

    @Transactional
    public Item create(Draft in, Actor actor) {
        requireOffice(actor);
        Draft d = in == null ? new Draft(null, null, null, null, null, null) : in;
        Case source = null;
        boolean missing = false;
        if (d.caseNumber() != null && !d.caseNumber().isBlank()) {
            try {
                source = cases.get(d.caseNumber().trim(), actor);
            } catch (ApiProblem notFound) {
                missing = true;
            }
        }
        String title = blank(d.title()) && source != null ? source.title() : d.title();
        String body = blank(d.body()) && source != null ? source.facts() : d.body();
        List<String> terms = terms(d.maskedTerms(), source);
        Validation v = Validation.start().check(missing, "caseNumber", "没有这个案件，或您无权查看")
                .addAll(check(title, d.problemType(), body, d.handling(), d.maskedTerms()).problems());
        v.throwIfInvalid();
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exposure_item (region_code, case_number, title, problem_type, body, handling, masked_terms,
                       status, created_by, created_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, 0)""")
                .params(actor.regionCode(), source == null ? null : source.number(),
                        Anonymiser.anonymise(title.trim(), terms), trim(d.problemType()),
                        Anonymiser.anonymise(body.trim(), terms), Anonymiser.anonymise(trim(d.handling()), terms),
                        String.join("\n", terms), actor.username(), utc(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        event(id, "create", source == null ? null : "取材于案件 " + source.number() + "，已隐去 " + terms.size() + " 项",
                actor, now);
        return get(id, actor);
    }

    /** Changes a draft; the text is anonymised again with the case's names and every marked term. */
    @Transactional
    public Item update(long id, Draft in, Actor actor) {
        Item item = get(id, actor);
        if (item.status() != Status.DRAFT) {
            throw conflict(item, "修改");
        }
        Draft d = in == null ? new Draft(null, null, null, null, null, null) : in;
        Validation v = check(d.title(), d.problemType(), d.body(), d.handling(), d.maskedTerms());
        v.throwIfInvalid();
        List<String> terms = terms(d.maskedTerms(), sourceOf(item, actor));
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                UPDATE exposure_item SET title = ?, problem_type = ?, body = ?, handling = ?, masked_terms = ?,
                       version = version + 1
                WHERE id = ? AND version = ?""")
                .params(Anonymiser.anonymise(d.title().trim(), terms), trim(d.problemType()),
                        Anonymiser.anonymise(d.body().trim(), terms), Anonymiser.anonymise(trim(d.handling()), terms),
                        String.join("\n", terms), id, item.version())
                .update();
        if (changed != 1) {
            throw ApiProblem.concurrentChange();
        }
        event(id, "update", null, actor, now);
        return get(id, actor);
    }

    @Transactional
    public Item submit(long id, Actor actor) {
        Item item = get(id, actor);
        if (item.status() != Status.DRAFT) {
            throw conflict(item, "提交审核");
        }
        refuseResidue(item, actor);
        setStatus(item, Status.PENDING_REVIEW, null);
        event(id, "submit", null, actor, clock.instant());
        return get(id, actor);
    }

    /** The review before anything goes public (审核员); a refusal returns the item to its author as a draft. */
    @Transactional
    public Item review(long id, Review in, Actor actor) {
        Item item = get(id, actor);
        if (!actor.has(Role.REVIEWER)) {
            throw ApiProblem.forbidden("只有审核员可以审核曝光内容");
        }
        if (item.status() != Status.PENDING_REVIEW) {
            throw conflict(item, "审核");
        }
        Review r = in == null ? new Review(null, null) : in;
        Validation v = Validation.start();
        v.required(r.approve(), "approve", "审核结论");
        v.check(Boolean.FALSE.equals(r.approve()) && blank(r.comment()), "comment", "不同意公开时请写明理由");
        v.maxLength(r.comment(), 1000, "comment", "审核意见");
        v.throwIfInvalid();
        Instant now = clock.instant();
        if (r.approve()) {
            refuseResidue(item, actor);
            setStatus(item, Status.PUBLISHED, now);
        } else {
            setStatus(item, Status.DRAFT, null);
        }
        event(id, r.approve() ? "publish" : "send-back", trim(r.comment()), actor, now);
        return get(id, actor);
    }

    @Transactional
    public Item withdraw(long id, Withdraw in, Actor actor) {
        Item item = get(id, actor);
        if (item.status() != Status.PUBLISHED) {
            throw conflict(item, "撤下");
        }
        String reason = in == null ? null : in.reason();
        Validation.start().required(reason, "reason", "撤下理由").maxLength(reason, 1000, "reason", "撤下理由")
                .throwIfInvalid();
        setStatus(item, Status.WITHDRAWN, item.publishedAt() == null ? null : item.publishedAt().toInstant());
        event(id, "withdraw", reason.trim(), actor, clock.instant());
        return get(id, actor);
    }

    @Transactional(readOnly = true)
    public Item get(long id, Actor actor) {
        requireOffice(actor);
        return find(id).filter(i -> directory.isWithin(i.regionCode(), actor.regionCode()))
                .orElseThrow(() -> ApiProblem.notFound("没有编号为 " + id + " 的曝光内容，或您无权查看"));
    }

    @Transactional(readOnly = true)
    public List<Item> list(Actor actor) {
        requireOffice(actor);
        return jdbc.sql(SELECT + " ORDER BY id DESC").query(this::item).list().stream()
                .filter(i -> directory.isWithin(i.regionCode(), actor.regionCode())).toList();
    }

    @Transactional(readOnly = true)
    public List<PublicItem> published() {
        return jdbc.sql(SELECT + " WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC")
                .query(this::item).list().stream()
                .map(i -> new PublicItem(i.id(), i.title(), i.problemType(), i.body(), i.handling(), i.regionName(),
                        i.publishedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<PublicItem> publishedItem(long id) {
        return published().stream().filter(i -> i.id() == id).findFirst();
    }

    // ------------------------------------------------------------------ machinery

    private static final String SELECT = """
            SELECT id, region_code, case_number, title, problem_type, body, handling, masked_terms, status,
                   created_by, created_at, published_at, version
            FROM exposure_item""";

    private Item item(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String terms = rs.getString("masked_terms");
        Status status = Status.valueOf(rs.getString("status"));
        return new Item(id, rs.getString("region_code"), directory.regionName(rs.getString("region_code")),
                rs.getString("case_number"), rs.getString("title"), rs.getString("problem_type"), rs.getString("body"),
                rs.getString("handling"), terms == null || terms.isBlank() ? List.of() : Arrays.asList(terms.split("\n")),
                status, status.label(), rs.getString("created_by"), at(rs, "created_at"), at(rs, "published_at"),
                rs.getInt("version"), List.of());
    }

    private Optional<Item> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::item).optional().map(i -> new Item(i.id(),
                i.regionCode(), i.regionName(), i.caseNumber(), i.title(), i.problemType(), i.body(), i.handling(),
                i.maskedTerms(), i.status(), i.statusName(), i.createdBy(), i.createdAt(), i.publishedAt(),
                i.version(), events(i.id())));
    }

    private List<Event> events(long id) {
        return jdbc.sql("SELECT action, comment, actor, actor_name, at FROM exposure_event WHERE item_id = ?"
                        + " ORDER BY at, id")
                .param(id)
                .query((rs, n) -> new Event(rs.getString("action"), actionName(rs.getString("action")),
                        rs.getString("comment"), rs.getString("actor"), rs.getString("actor_name"), at(rs, "at")))
                .list();
    }

    static String actionName(String action) {
        return switch (action) {
            case "create" -> "起草";
            case "update" -> "修改";
            case "submit" -> "提交审核";
            case "publish" -> "审核通过并公开";
            case "send-back" -> "审核退回";
            case "withdraw" -> "撤下";
            default -> action;
        };
    }

    private void event(long id, String action, String comment, Actor actor, Instant at) {
        jdbc.sql("INSERT INTO exposure_event (item_id, action, comment, actor, actor_name, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, action, comment, actor.username(), actor.displayName(), utc(at)).update();
    }

    private void setStatus(Item item, Status status, Instant publishedAt) {
        int changed = jdbc.sql("""
                UPDATE exposure_item SET status = ?, published_at = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(status.name(), publishedAt == null ? null : utc(publishedAt), item.id(), item.version())
                .update();
        if (changed != 1) {
            throw ApiProblem.concurrentChange();
        }
    }

    /** Nothing that identifies someone may go to review or out: the case's names, marked terms, patterns. */
    private void refuseResidue(Item item, Actor actor) {
        List<String> terms = terms(item.maskedTerms(), sourceOf(item, actor));
        Validation v = Validation.start();
        for (String[] field : List.of(new String[] {"title", item.title()}, new String[] {"body", item.body()},
                new String[] {"handling", item.handling()})) {
            List<String> left = Anonymiser.residue(field[1], terms);
            v.check(!left.isEmpty(), field[0], "仍含有可识别身份的信息：" + String.join("、", left));
        }
        v.throwIfInvalid();
    }

    private Case sourceOf(Item item, Actor actor) {
        return item.caseNumber() == null ? null : cases.get(item.caseNumber(), actor);
    }

    /** The case's names (complainant, company, contact, agent, the person complained about) and the marked terms. */
    static List<String> terms(List<String> marked, Case source) {
        List<String> terms = new ArrayList<>();
        if (marked != null) {
            marked.stream().filter(t -> !blank(t)).map(String::trim).forEach(terms::add);
        }
        if (source != null) {
            var c = source.complainant();
            Stream.of(c.name(), c.companyName(), c.contactName(), c.creditCode(), c.phone(), c.email(), c.address())
                    .filter(t -> !blank(t)).forEach(terms::add);
            if (source.agent() != null) {
                Stream.of(source.agent().name(), source.agent().phone()).filter(t -> !blank(t)).forEach(terms::add);
            }
            if (source.respondent() != null && !blank(source.respondent().person())) {
                terms.add(source.respondent().person());
            }
        }
        return terms.stream().distinct().toList();
    }

    private static Validation check(String title, String problemType, String body, String handling,
            List<String> marked) {
        Validation v = Validation.start();
        v.required(title, "title", "标题");
        v.maxLength(title, 200, "title", "标题");
        v.maxLength(problemType, 100, "problemType", "问题类型");
        v.required(body, "body", "案情");
        v.maxLength(body, 5000, "body", "案情");
        v.maxLength(handling, 2000, "handling", "处理结果");
        List<String> terms = marked == null ? List.of() : marked;
        for (int i = 0; i < terms.size(); i++) {
            v.check(terms.get(i) != null && terms.get(i).trim().length() == 1, "maskedTerms[" + i + "]",
                    "隐去的内容至少两个字");
            v.maxLength(terms.get(i), 100, "maskedTerms[" + i + "]", "隐去的内容");
        }
        return v;
    }

    private static ApiProblem conflict(Item item, String what) {
        return ApiProblem.conflict("当前状态为「" + item.status().label() + "」(" + item.status().name() + ")，不能" + what);
    }

    private static void requireOffice(Actor actor) {
        if (!actor.inOffice()) {
            throw ApiProblem.forbidden("只有营商办工作人员可以管理曝光台");
        }
    }

    private OffsetDateTime at(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
