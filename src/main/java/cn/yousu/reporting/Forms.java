package cn.yousu.reporting;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseDetails;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.SupervisionLevel;
import cn.yousu.identity.Actor;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.policy.Policy;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.NumberSequences;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official forms of a case as Word documents (Zaoyang attachments 1–3): 交办单, 承办单 and 督办单, filled from
 * the case into templates an office may restyle ({@code yousu.forms.directory} holds its own copies; else the
 * shipped ones in {@code reporting/forms}). A form's number, 〔year〕N号 per office, form and year, is drawn when it is
 * first issued and kept (with who and when); the supervision notice keeps the number it was issued with.
 */
@Service
public class Forms {

    /** The forms, with their template file and title. */
    public enum Kind {
        ASSIGNMENT("assignment", "交办单"), HANDLING("handling", "承办单"), SUPERVISION("supervision", "督办单");

        private final String file;
        private final String label;

        Kind(String file, String label) {
            this.file = file;
            this.label = label;
        }

        public String file() {
            return file;
        }

        public String label() {
            return label;
        }

        public static Kind of(String file) {
            for (Kind k : values()) {
                if (k.file.equals(file)) {
                    return k;
                }
            }
            throw ApiProblem.notFound("没有这种文书：" + file);
        }
    }

    public record Document(String filename, String formNumber, byte[] content) {
    }

    private final CaseService cases;
    private final OrganizationDirectory directory;
    private final NumberSequences sequences;
    private final JdbcClient jdbc;
    private final Policy policy;
    private final Clock clock;
    private final ZoneId zone;
    private final Path overrides;
    private final CaseTexts texts;

    Forms(CaseService cases, OrganizationDirectory directory, NumberSequences sequences, JdbcClient jdbc, Policy policy,
            Clock clock, ZoneId applicationZone, @Value("${yousu.forms.directory:}") String overrides) {
        this.cases = cases;
        this.directory = directory;
        this.sequences = sequences;
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
        this.zone = applicationZone;
        this.overrides = overrides == null || overrides.isBlank() ? null : Path.of(overrides);
        this.texts = new CaseTexts(directory, applicationZone);
    }

    /** The form for {@code caseNumber} as {@code actor} may see it (404 outside their scope). */
    @Transactional
    public Document generate(String caseNumber, Kind kind, Actor actor) {
        if (!(actor.inOffice() || actor.inUnit() || actor.inGovernment())) {
            throw ApiProblem.forbidden("只有营商办、承办单位和政府领导可以出具文书");
        }
        Case c = cases.get(caseNumber, actor);
        Map<String, String> values = switch (kind) {
            case ASSIGNMENT -> assignment(c, actor);
            case HANDLING -> handling(c, actor);
            case SUPERVISION -> supervision(c, actor);
        };
        byte[] content;
        try (InputStream template = template(kind)) {
            content = DocxTemplate.fill(template, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Document(c.number() + "-" + kind.label() + ".docx", values.get("formNumber"), content);
    }

    private InputStream template(Kind kind) throws IOException {
        if (overrides != null) {
            Path own = overrides.resolve(kind.file() + ".docx");
            if (Files.isRegularFile(own)) {
                return Files.newInputStream(own);
            }
        }
        InputStream shipped = Forms.class.getResourceAsStream("/reporting/forms/" + kind.file() + ".docx");
        if (shipped == null) {
            throw new IllegalStateException("missing form template " + kind.file());
        }
        return shipped;
    }

    private Map<String, String> common(Case c) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("regionName", directory.regionName(c.officeRegionCode()));
        v.put("officeName", directory.officeOf(c.officeRegionCode()).map(o -> o.name())
                .orElse(directory.regionName(c.officeRegionCode()) + "营商办"));
        v.put("caseNumber", c.number());
        v.put("title", c.title());
        v.put("request", c.request());
        v.put("facts", c.facts());
        v.put("channel", c.channel().label());
        v.put("registeredDate", texts.longDate(c.registeredAt()));
        v.put("leadUnit", texts.unit(c.leadUnitCode()));
        v.put("respondent", texts.respondent(c));
        v.put("requirements", c.details().assignmentRequirements() != null ? c.details().assignmentRequirements()
                : "请依法依规调查核实，按时办结并反馈");
        boolean reveal = policy.revealComplainantToUnits();
        String hidden = "（按规定对承办单位保密）";
        var p = c.complainant();
        v.put("company", reveal ? texts.company(c) : hidden);
        v.put("complainantName", p.anonymous() ? "（匿名）" : reveal ? CaseTexts.join(" ", p.name()) : hidden);
        v.put("contactName", p.anonymous() ? "（匿名）" : reveal
                ? CaseTexts.join(" ", p.contactName() != null ? p.contactName() : p.name()) : hidden);
        v.put("contactPhone", p.anonymous() ? "（匿名）" : reveal ? CaseTexts.join(" ", p.phone()) : hidden);
        v.put("address", p.anonymous() ? "（匿名）" : reveal ? CaseTexts.join(" ", p.address()) : hidden);
        return v;
    }

    private Map<String, String> assignment(Case c, Actor actor) {
        if (c.leadUnitCode() == null) {
            throw ApiProblem.conflict("尚未交办承办单位，不能出具交办单（当前状态为" + c.status().describe() + "）");
        }
        Map<String, String> v = common(c);
        v.put("formNumber", issue(c, "ASSIGNMENT", "〔%d〕%d号", actor));
        v.put("assignedDate", texts.longDate(c.assignedAt()));
        v.put("dueDate", texts.longDate(c.dueAt()));
        v.put("cooperatingUnits", c.cooperatingUnitCodes().isEmpty() ? CaseTexts.NONE
                : c.cooperatingUnitCodes().stream().map(texts::unit).collect(Collectors.joining("、")));
        v.put("remark", "诉求编号：" + c.number() + "；诉求分类：" + categoryName(c) + "；来源渠道："
                + c.channel().label() + "；办理时限：" + (c.details().handlingLimit() == null ? "—"
                        : c.details().handlingLimit().label()));
        return v;
    }

    private Map<String, String> handling(Case c, Actor actor) {
        if (c.leadUnitCode() == null) {
            throw ApiProblem.conflict("尚未交办承办单位，不能出具承办单（当前状态为" + c.status().describe() + "）");
        }
        Map<String, String> v = common(c);
        v.put("formNumber", issue(c, "HANDLING", "〔%d〕第%d号", actor));
        v.put("unitPhone", texts.unitContact(c.leadUnitCode()));
        CaseDetails.Result r = texts.latestResult(c);
        String pending = "（尚未提交办理结果）";
        if (r == null) {
            for (String key : List.of("findingText", "verification", "measures", "feedback", "dissatisfactionReason",
                    "nextSteps", "handler", "signedBy", "signedDate")) {
                v.put(key, pending);
            }
            return v;
        }
        v.put("findingText", "反映事项" + r.finding().label());
        v.put("verification", r.verification());
        v.put("measures", r.measures());
        CaseDetails.Feedback f = r.feedback();
        boolean satisfied = "SATISFIED".equals(f.attitude());
        v.put("feedback", CaseTexts.longDate(f.at()) + "，办理单位经办人向投诉人以" + f.method()
                + "方式进行了办理结果反馈，投诉人对办理结果表示" + (satisfied ? "☑满意 □不满意" : "□满意 ☑不满意") + "。");
        v.put("dissatisfactionReason", r.dissatisfactionReason() != null ? r.dissatisfactionReason()
                : "无（投诉人表示满意）");
        v.put("nextSteps", r.nextSteps() != null ? r.nextSteps() : "无（投诉人表示满意）");
        v.put("handler", r.draftedBy() == null ? "—" : r.draftedBy().name());
        v.put("signedBy", texts.unit(c.leadUnitCode()) + (r.signedBy() == null ? "" : "（" + r.signedBy().name() + "签发）"));
        v.put("signedDate", texts.longDate(r.signedAt()));
        return v;
    }

    private Map<String, String> supervision(Case c, Actor actor) {
        CaseDetails.Supervision notice = c.details().supervisions().stream()
                .filter(s -> s.level() == SupervisionLevel.NOTICE).reduce((a, b) -> b).orElse(null);
        if (notice == null) {
            throw ApiProblem.conflict("该案件尚未下发督办单（当前状态为" + c.status().describe() + "）");
        }
        Map<String, String> v = common(c);
        String number = notice.number() != null ? notice.number() : issue(c, "SUPERVISION", "〔%d〕%d号", actor);
        record(c, "SUPERVISION-" + notice.id(), number, actor);
        v.put("formNumber", number);
        v.put("unit", texts.unit(notice.unitCode()));
        v.put("content", notice.content());
        v.put("policyName", policy.name() + "工作方案");
        v.put("replyLimit", policy.supervisionReplyLimit().label());
        v.put("replyDue", texts.longDate(notice.replyDueAt()));
        v.put("issuedDate", texts.longDate(notice.issuedAt()));
        return v;
    }

    private String categoryName(Case c) {
        return c.categoryCode() == null ? "—" : cn.yousu.policy.Categories.name(c.categoryCode());
    }

    /** The form's number: the one it was first issued with, else the next of its office and year, recorded. */
    private String issue(Case c, String kind, String format, Actor actor) {
        String existing = jdbc.sql("SELECT form_number FROM report_form WHERE case_id = ? AND kind = ?")
                .params(c.id(), kind).query(String.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        int year = clock.instant().atZone(zone).getYear();
        long n = sequences.next("FORM:" + kind + ":" + c.officeRegionCode() + ":" + year);
        String number = String.format(format, year, n);
        record(c, kind, number, actor);
        return number;
    }

    private void record(Case c, String kind, String number, Actor actor) {
        Integer known = jdbc.sql("SELECT COUNT(*) FROM report_form WHERE case_id = ? AND kind = ?")
                .params(c.id(), kind).query(Integer.class).single();
        if (known == 0) {
            Instant now = clock.instant();
            jdbc.sql("""
                    INSERT INTO report_form (case_id, kind, form_number, issued_at, issued_by, issuer_name)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(c.id(), kind, number, Indicators.ts(now), actor.username(), actor.displayName()).update();
        }
    }
}
