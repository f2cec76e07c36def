package cn.yousu.reporting;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseDetails;
import cn.yousu.casework.CaseStatus;
import cn.yousu.casework.Complainant;
import cn.yousu.casework.Respondent;
import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The texts of a case that the ledger (工作台账) and the forms print, written once: who complained, the units and
 * their contacts, and summaries of handling, supervision, referral, visits and archiving.
 */
final class CaseTexts {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final String NONE = "无";

    private final OrganizationDirectory directory;
    private final ZoneId zone;

    CaseTexts(OrganizationDirectory directory, ZoneId zone) {
        this.directory = directory;
        this.zone = zone;
    }

    String company(Case c) {
        Complainant p = c.complainant();
        if (p.anonymous()) {
            return "（匿名）";
        }
        return p.companyName() != null && !p.companyName().isBlank() ? p.companyName() : p.name();
    }

    String contact(Case c) {
        Complainant p = c.complainant();
        if (p.anonymous()) {
            return "（匿名）";
        }
        String name = p.contactName() != null && !p.contactName().isBlank() ? p.contactName() : p.name();
        return join(" ", name, p.phone());
    }

    String mainRequest(Case c) {
        return c.title() + "：" + c.request();
    }

    String respondent(Case c) {
        Respondent r = c.respondent();
        if (r == null) {
            return "（未明确）";
        }
        String name = r.unitCode() != null ? directory.organizationName(r.unitCode()) : r.name();
        return join("，", name, r.person());
    }

    String unit(String code) {
        return code == null ? "（尚未交办）" : directory.organizationName(code);
    }

    String units(Case c) {
        if (c.leadUnitCode() == null) {
            return "（尚未交办）";
        }
        String lead = unit(c.leadUnitCode()) + "（牵头）";
        if (c.cooperatingUnitCodes().isEmpty()) {
            return lead;
        }
        return lead + "；配合：" + c.cooperatingUnitCodes().stream().map(this::unit).collect(Collectors.joining("、"));
    }

    String unitContact(String code) {
        Organization o = code == null ? null : directory.organization(code).orElse(null);
        if (o == null) {
            return "—";
        }
        return join(" ", o.contactPerson(), o.contactPhone() != null ? o.contactPhone() : o.complaintPhone());
    }

    CaseDetails.Result latestResult(Case c) {
        List<CaseDetails.Result> results = c.details().results();
        return results.isEmpty() ? null : results.get(results.size() - 1);
    }

    String handling(Case c) {
        StringBuilder s = new StringBuilder(c.status().label());
        if (c.round() > 1) {
            s.append("（第 ").append(c.round()).append(" 轮办理）");
        }
        CaseDetails.Result r = latestResult(c);
        if (r != null) {
            s.append("。核查结论：").append(r.finding().label()).append("。办理结果：").append(r.measures());
        } else if (c.details().rejection() != null) {
            s.append("。").append(c.details().rejection().explanation());
        } else if (c.details().transferOut() != null) {
            s.append("。已转").append(c.details().transferOut().target());
        } else if (c.details().answer() != null) {
            s.append("。").append(c.details().answer().answer());
        } else if (c.details().termination() != null) {
            s.append("。").append(c.details().termination().reason().label());
        }
        if (c.extensionCount() > 0) {
            s.append("（延期 ").append(c.extensionCount()).append(" 次）");
        }
        return s.toString();
    }

    String supervision(Case c) {
        List<CaseDetails.Supervision> all = c.details().supervisions();
        if (all.isEmpty()) {
            return NONE;
        }
        return all.stream().map(s -> date(s.issuedAt()) + " " + s.level().label()
                + (s.number() == null ? "" : s.number()) + "：" + s.content()
                + (s.replyDueAt() == null ? "" : s.repliedAt() != null ? "（已反馈）" : "（待反馈）"))
                .collect(Collectors.joining("\n"));
    }

    String referral(Case c) {
        List<CaseDetails.Referral> all = c.details().referrals();
        if (all.isEmpty()) {
            return NONE;
        }
        return all.stream().map(r -> date(r.at()) + " 移送" + r.target() + "：" + r.reason())
                .collect(Collectors.joining("\n"));
    }

    String visits(Case c) {
        List<CaseDetails.Visit> all = c.details().visits();
        if (all.isEmpty()) {
            return "未回访";
        }
        return all.stream().map(v -> date(v.at()) + " " + v.method() + "回访："
                + (v.reached() ? v.satisfaction().label() : "未联系上"))
                .collect(Collectors.joining("\n"));
    }

    String closedAndArchived(Case c) {
        boolean done = c.status() == CaseStatus.CLOSED || c.status().isFinal();
        if (!done) {
            return "否（" + c.status().label() + "）";
        }
        return (c.status() == CaseStatus.CLOSED ? "已办结" : c.status().label())
                + (c.archivedAt() != null ? "，已归档" : "，未归档");
    }

    String date(Instant at) {
        return at == null ? "—" : SHORT.format(at.atZone(zone));
    }

    String longDate(Instant at) {
        return at == null ? "—" : DATE.format(at.atZone(zone));
    }

    static String longDate(LocalDate d) {
        return d == null ? "—" : DATE.format(d);
    }

    static String join(String sep, String... parts) {
        StringBuilder s = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                s.append(s.isEmpty() ? "" : sep).append(p);
            }
        }
        return s.isEmpty() ? "—" : s.toString();
    }
}
