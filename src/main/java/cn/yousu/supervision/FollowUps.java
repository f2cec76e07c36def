package cn.yousu.supervision;

import cn.yousu.casework.CaseService;
import cn.yousu.identity.Actor;
import cn.yousu.identity.Role;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.policy.Policy;
import cn.yousu.policy.Satisfaction;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 回头看: the monthly random sample of closed cases for a second satisfaction visit (DESIGN §4; Xuchang 四(五)). A draw
 * takes {@code ceil(rate × N)} of the N cases closed in the month, shuffled by {@link Random} with the draw's seed
 * (by default {@code yyyyMM}), so the same seed over the same cases always draws the same sample; the draw row is
 * inserted first, so that of several nodes only one draws a month.
 */
@Service
public class FollowUps {

    public enum Status { PENDING, SATISFIED, RETURNED, DECIDED }

    public enum Decision {
        SECOND_HANDLING("二次办理"), EXPLANATION("解释说明后办结");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Draw(String month, long seed, double rate, int population, int drawn, Instant drawnAt,
            String drawnBy) {
    }

    public record Sample(long id, String month, long caseId, String caseNumber, String officeRegionCode,
            Status status, Satisfaction satisfaction, String visitComment, Instant visitedAt, String visitedBy,
            Decision decision, String decisionComment, Instant decidedAt, String decidedBy) {
    }

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final Policy policy;
    private final OrganizationDirectory directory;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean scheduled;

    FollowUps(JdbcClient jdbc, CaseService cases, Policy policy, OrganizationDirectory directory,
            TransactionTemplate transaction, Clock clock, ZoneId applicationZone,
            @Value("${yousu.jobs.enabled:true}") boolean scheduled) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.policy = policy;
        this.directory = directory;
        this.transaction = transaction;
        this.clock = clock;
        this.zone = applicationZone;
        this.scheduled = scheduled;
    }

    /** Once a month is over, its draw is made (checked every hour; a month already drawn is left alone). */
    @Scheduled(fixedDelayString = "${yousu.supervision.followup-interval:1h}", initialDelayString = "2m")
    void onSchedule() {
        if (scheduled) {
            YearMonth previous = YearMonth.from(clock.instant().atZone(zone)).minusMonths(1);
            if (draw(previous.toString()).isEmpty()) {
                drawMonth(previous, null, Actor.system());
            }
        }
    }

    /** The sample of {@code ids}: {@code ceil(rate × n)} of them, shuffled with {@code seed}, in id order. */
    static List<Long> sample(List<Long> ids, double rate, long seed) {
        if (ids.isEmpty() || rate <= 0) {
            return List.of();
        }
        int size = (int) Math.min(ids.size(), Math.ceil(ids.size() * rate - 1e-9));
        List<Long> shuffled = new ArrayList<>(ids);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(seed));
        List<Long> chosen = new ArrayList<>(shuffled.subList(0, size));
        Collections.sort(chosen);
        return chosen;
    }

    static long defaultSeed(YearMonth month) {
        return month.getYear() * 100L + month.getMonthValue();
    }

    /**
     * Draws the sample of {@code month} with {@code seed} (null: {@code yyyyMM}) into the queue; 409 when that month
     * was drawn already (the draw is made once, whoever asks first).
     */
    public Draw drawMonth(YearMonth month, Long seed, Actor by) {
        if (!by.isSystem() && !(by.inOffice() && by.has(Role.SUPERVISOR))) {
            throw ApiProblem.forbidden("只有营商办督办人员可以抽取回头看样本");
        }
        Validation.start().check(month.isAfter(YearMonth.from(clock.instant().atZone(zone)).minusMonths(1)), "month",
                "只能抽取已结束月份的办结案件").throwIfInvalid();
        long theSeed = seed == null ? defaultSeed(month) : seed;
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        try {
            return transaction.execute(status -> {
                List<CaseService.ClosedCase> closed = cases.closedBetween(from, to);
                List<Long> chosen = sample(closed.stream().map(CaseService.ClosedCase::id).toList(),
                        policy.followUpSampleRate(), theSeed);
                Instant now = clock.instant();
                jdbc.sql("""
                        INSERT INTO followup_draw (sample_month, seed, rate, population, drawn, drawn_at, drawn_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(month.toString(), theSeed, policy.followUpSampleRate(), closed.size(), chosen.size(),
                                DeadlineClocks.ts(now), by.username()).update();
                for (CaseService.ClosedCase c : closed) {
                    if (Collections.binarySearch(chosen, c.id()) >= 0) {
                        jdbc.sql("""
                                INSERT INTO followup_sample (sample_month, case_id, case_number, office_region_code, status)
                                VALUES (?, ?, ?, ?, 'PENDING')""")
                                .params(month.toString(), c.id(), c.number(), c.officeRegionCode()).update();
                        cases.note(c.id(), "followup-sampled", "抽中 " + month + " 回头看（种子 " + theSeed + "），待二次回访",
                                Map.of("month", month.toString(), "seed", theSeed), null);
                    }
                }
                return draw(month.toString()).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict(month + " 的回头看样本已抽取");
        }
    }

    public java.util.Optional<Draw> draw(String month) {
        return jdbc.sql("""
                SELECT sample_month, seed, rate, population, drawn, drawn_at, drawn_by FROM followup_draw
                WHERE sample_month = ?""").param(month)
                .query((rs, n) -> new Draw(rs.getString("sample_month"), rs.getLong("seed"), rs.getDouble("rate"),
                        rs.getInt("population"), rs.getInt("drawn"), DeadlineClocks.instant(rs, "drawn_at"),
                        rs.getString("drawn_by"))).optional();
    }

    /** The samples of the offices in {@code actor}'s region and below, optionally of one status, newest first. */
    @Transactional(readOnly = true)
    public List<Sample> queue(Actor actor, Status status) {
        if (!actor.inOffice()) {
            throw ApiProblem.forbidden("回头看队列仅对营商办开放");
        }
        return jdbc.sql("SELECT * FROM followup_sample" + (status == null ? "" : " WHERE status = ?")
                + " ORDER BY id DESC FETCH FIRST 500 ROWS ONLY")
                .params(status == null ? List.of() : List.of(status.name())).query(FollowUps::map).list().stream()
                .filter(s -> directory.isWithin(s.officeRegionCode(), actor.regionCode())).toList();
    }

    /** The second satisfaction visit; unsatisfied → returned to the office for a decision. */
    @Transactional
    public Sample visit(long id, Actor actor, Satisfaction satisfaction, String comment) {
        Sample s = mine(id, actor, Role.VISITOR, "回访");
        if (s.status() != Status.PENDING) {
            throw ApiProblem.conflict("该样本已回访（当前状态为 " + s.status() + "）");
        }
        Validation.start().required(satisfaction, "satisfaction", "满意度")
                .maxLength(comment, 5000, "comment", "回访记录").throwIfInvalid();
        boolean satisfied = policy.closesLoop(satisfaction);
        Status next = satisfied ? Status.SATISFIED : Status.RETURNED;
        jdbc.sql("""
                UPDATE followup_sample SET status = ?, satisfaction = ?, visit_comment = ?, visited_at = ?, visited_by = ?
                WHERE id = ?""").params(next.name(), satisfaction.name(), blankToNull(comment),
                DeadlineClocks.ts(clock.instant()), actor.username(), id).update();
        cases.note(s.caseId(), "followup-visit", "回头看二次回访：" + satisfaction.label()
                + (satisfied ? "" : "，退回营商办研判（二次办理或解释说明）") + (blankToNull(comment) == null ? "" : "。" + comment.trim()),
                Map.of("satisfaction", satisfaction.name(), "by", actor.username()), null);
        return get(id);
    }

    /** The office's decision on an unsatisfied sample: second handling or explanation. */
    @Transactional
    public Sample decide(long id, Actor actor, Decision decision, String comment) {
        Sample s = mine(id, actor, Role.SUPERVISOR, "研判");
        if (s.status() != Status.RETURNED) {
            throw ApiProblem.conflict("只有回访不满意的样本需要研判（当前状态为 " + s.status() + "）");
        }
        Validation.start().required(decision, "decision", "研判结论").required(blankToNull(comment), "comment", "研判意见")
                .maxLength(comment, 5000, "comment", "研判意见").throwIfInvalid();
        jdbc.sql("""
                UPDATE followup_sample SET status = 'DECIDED', decision = ?, decision_comment = ?, decided_at = ?,
                    decided_by = ? WHERE id = ?""").params(decision.name(), comment.trim(),
                DeadlineClocks.ts(clock.instant()), actor.username(), id).update();
        cases.note(s.caseId(), "followup-decision", "回头看研判：" + decision.label() + "。" + comment.trim(),
                Map.of("decision", decision.name(), "by", actor.username()), null);
        return get(id);
    }

    private Sample mine(long id, Actor actor, Role role, String what) {
        Sample s = jdbc.sql("SELECT * FROM followup_sample WHERE id = ?").param(id).query(FollowUps::map).optional()
                .filter(x -> actor.inOffice() && directory.isWithin(x.officeRegionCode(), actor.regionCode()))
                .orElseThrow(() -> ApiProblem.notFound("没有这个回头看样本，或您无权查看"));
        if (!actor.has(role)) {
            throw ApiProblem.forbidden("您无权对回头看样本执行「" + what + "」");
        }
        return s;
    }

    private Sample get(long id) {
        return jdbc.sql("SELECT * FROM followup_sample WHERE id = ?").param(id).query(FollowUps::map).single();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Sample map(ResultSet rs, int n) throws SQLException {
        String satisfaction = rs.getString("satisfaction");
        String decision = rs.getString("decision");
        return new Sample(rs.getLong("id"), rs.getString("sample_month"), rs.getLong("case_id"),
                rs.getString("case_number"), rs.getString("office_region_code"), Status.valueOf(rs.getString("status")),
                satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getString("visit_comment"),
                DeadlineClocks.instant(rs, "visited_at"), rs.getString("visited_by"),
                decision == null ? null : Decision.valueOf(decision), rs.getString("decision_comment"),
                DeadlineClocks.instant(rs, "decided_at"), rs.getString("decided_by"));
    }
}
