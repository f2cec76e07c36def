package cn.yousu.intake;

import cn.yousu.casework.CaseKeys;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.CaseStatus;
import cn.yousu.casework.CaseSummary;
import cn.yousu.casework.Complainant;
import cn.yousu.casework.Respondent;
import cn.yousu.casework.Suggestions;
import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.policy.Categories;
import cn.yousu.policy.Category;
import cn.yousu.policy.Policy;
import cn.yousu.policy.RejectionReason;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Screening at registration (DESIGN §5): which Dalian art. 7 conditions look unmet, whether the policy refuses
 * anonymous complaints, probable duplicates (same complainant and respondent, similar text, open or recently
 * closed), a probable category and a probable responsible unit. Suggestions only: the officer decides.
 */
@Service
public class Screening {

    /** Text at least this similar (bigram Jaccard) counts as the same request. */
    static final double DUPLICATE_SIMILARITY = 0.35;
    static final int MIN_FACTS = 20;
    static final int MIN_REQUEST = 4;
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    /** What a duplicate comparison leaves out: spaces and punctuation, Latin and Chinese. */
    private static final java.util.regex.Pattern IGNORED =
            java.util.regex.Pattern.compile("[\\s\\p{Punct}，。、；：？！“”（）《》]");
    private static final Set<CaseStatus> NOT_DUPLICATES = EnumSet.of(CaseStatus.REJECTED, CaseStatus.TRANSFERRED_OUT,
            CaseStatus.TERMINATED);

    private final CaseService cases;
    private final OrganizationDirectory directory;
    private final Policy policy;
    private final Clock clock;

    public Screening(CaseService cases, OrganizationDirectory directory, Policy policy, Clock clock) {
        this.cases = cases;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    public record Input(String regionCode, String title, String facts, String request, Complainant complainant,
            Respondent respondent, int attachments, boolean agentWithAttorney) {
    }

    public Suggestions screen(Input in) {
        List<String> missing = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean respondentKnown = in.respondent() != null
                && (notBlank(in.respondent().unitCode()) || notBlank(in.respondent().name()));
        if (!respondentKnown) {
            missing.add("RESPONDENT");
            reasons.add(RejectionReason.NO_RESPONDENT.name());
        }
        if (in.request() == null || in.request().trim().length() < MIN_REQUEST) {
            missing.add("REQUEST");
        }
        if (in.facts() == null || in.facts().trim().length() < MIN_FACTS) {
            missing.add("FACTS");
            reasons.add(RejectionReason.NO_FACTS.name());
        }
        if (in.attachments() == 0) {
            missing.add("EVIDENCE");
        }
        String text = join(in.title(), in.facts(), in.request());
        String category = suggestCategory(text);
        if (category == null) {
            missing.add("SCOPE");
            notes.add("未识别出受理范围内的事项，请核实是否属于营商环境监督职责范围");
        }
        if (in.complainant() != null && in.complainant().anonymous()) {
            if (!policy.anonymousAccepted()) {
                reasons.add(RejectionReason.ANONYMOUS.name());
                notes.add("按现行政策（" + policy.name() + "），匿名投诉不予受理");
            } else {
                notes.add("匿名诉求：注意保护诉求人身份");
            }
        }
        if (in.agentWithAttorney()) {
            notes.add("代理投诉，已附授权委托书");
        }
        List<Suggestions.Duplicate> duplicates = duplicates(in, text);
        if (duplicates.stream().anyMatch(d -> d.status() != CaseStatus.REGISTERED)) {
            reasons.add(RejectionReason.DUPLICATE.name());
            notes.add("同一诉求人就同一对象已有相似诉求，如无新证据、线索，可按重复诉求不予受理");
        }
        return new Suggestions(List.copyOf(missing), List.copyOf(reasons), duplicates, category,
                suggestUnit(in.regionCode(), in.respondent(), text), List.copyOf(notes));
    }

    private List<Suggestions.Duplicate> duplicates(Input in, String text) {
        if (in.complainant() == null || CaseKeys.complainant(in.complainant()) == null) {
            return List.of();
        }
        String respondentKey = CaseKeys.respondent(in.respondent());
        Set<String> grams = null; // built at the first candidate: most complaints have none
        List<Suggestions.Duplicate> found = new ArrayList<>();
        for (CaseSummary c : cases.sameComplainantSince(in.complainant(),
                clock.instant().minus(Duration.ofDays(policy.duplicateWindowDays())))) {
            if (NOT_DUPLICATES.contains(c.status()) || !Objects.equals(respondentKey, c.respondentKey())) {
                continue;
            }
            if (grams == null) {
                grams = bigrams(text);
            }
            double similarity = jaccard(grams, bigrams(join(c.title(), c.facts(), c.request())));
            if (similarity >= DUPLICATE_SIMILARITY) {
                found.add(new Suggestions.Duplicate(c.number(), c.title(), c.status(), c.registeredAt(),
                        Math.round(similarity * 100) / 100.0));
            }
        }
        found.sort(Comparator.comparingDouble(Suggestions.Duplicate::similarity).reversed());
        return found.size() > 5 ? List.copyOf(found.subList(0, 5)) : List.copyOf(found);
    }

    /** The category whose keywords occur most often in the text; null when none does. */
    static String suggestCategory(String text) {
        String best = null;
        int bestScore = 0;
        for (Category c : Categories.all()) {
            int score = 0;
            for (String keyword : c.keywords()) {
                if (text.contains(keyword)) {
                    score += keyword.length();
                }
            }
            if (score > bestScore) {
                best = c.code();
                bestScore = score;
            }
        }
        return best;
    }

    /** The unit named as respondent, else a unit whose name appears in the text, else the best match of duties. */
    String suggestUnit(String regionCode, Respondent respondent, String text) {
        if (regionCode == null) {
            return null;
        }
        List<Organization> units = directory.unitsIn(regionCode);
        if (respondent != null && notBlank(respondent.unitCode())
                && units.stream().anyMatch(u -> u.code().equals(respondent.unitCode()))) {
            return respondent.unitCode();
        }
        String haystack = join(respondent == null ? null : respondent.name(), text, null);
        for (Organization unit : units) {
            if (haystack.contains(unit.name()) || haystack.contains(shortName(unit.name()))) {
                return unit.code();
            }
        }
        String best = null;
        int bestScore = 0;
        for (Organization unit : units) {
            if (unit.duties() == null) {
                continue;
            }
            int score = 0;
            for (String keyword : WHITESPACE.split(unit.duties())) {
                if (!keyword.isBlank() && haystack.contains(keyword)) {
                    score += keyword.length();
                }
            }
            if (score > bestScore) {
                best = unit.code();
                bestScore = score;
            }
        }
        return best;
    }

    /** 示范市市场监督管理局 → 市场监督管理局, the way people name a unit in a complaint. */
    private static String shortName(String name) {
        int city = Math.max(name.indexOf('市'), name.indexOf('区'));
        String shortened = city >= 0 && city < name.length() - 3 ? name.substring(city + 1) : name;
        return shortened.length() >= 4 ? shortened : name;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> intersection = new HashSet<>(a);
        intersection.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) intersection.size() / union.size();
    }

    static Set<String> bigrams(String text) {
        String t = IGNORED.matcher(text).replaceAll("");
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 1 < t.length(); i++) {
            grams.add(t.substring(i, i + 2));
        }
        return grams;
    }

    private static String join(String a, String b, String c) {
        return (a == null ? "" : a) + "\n" + (b == null ? "" : b) + "\n" + (c == null ? "" : c);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
