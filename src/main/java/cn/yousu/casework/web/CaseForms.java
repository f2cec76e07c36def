package cn.yousu.casework.web;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseAction;
import cn.yousu.casework.CaseDetails;
import cn.yousu.casework.CaseKind;
import cn.yousu.casework.CaseRules;
import cn.yousu.casework.CaseStatus;
import cn.yousu.casework.CaseView;
import cn.yousu.casework.Channel;
import cn.yousu.casework.Complexity;
import cn.yousu.casework.Finding;
import cn.yousu.casework.SupervisionLevel;
import cn.yousu.identity.CurrentActor;
import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.Region;
import cn.yousu.policy.Categories;
import cn.yousu.policy.RejectionReason;
import cn.yousu.policy.ReviewCheck;
import cn.yousu.policy.Satisfaction;
import cn.yousu.policy.SuspensionReason;
import cn.yousu.policy.TerminationReason;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the case page's forms offer: the vocabularies, the units to dispatch to, the names behind codes. */
@Component
class CaseForms {

    private final OrganizationDirectory directory;

    CaseForms(OrganizationDirectory directory) {
        this.directory = directory;
    }

    void describe(Case c, CaseView view, CaseRules rules, Model model) {
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("complexities", Complexity.values());
        model.addAttribute("categories", Categories.all());
        model.addAttribute("categoryNames", categoryNames());
        model.addAttribute("rejectionReasons", RejectionReason.values());
        model.addAttribute("terminationReasons", TerminationReason.values());
        model.addAttribute("suspensionReasons", SuspensionReason.values());
        model.addAttribute("reviewChecks", ReviewCheck.values());
        model.addAttribute("satisfactionLevels", Satisfaction.values());
        model.addAttribute("findings", Finding.values());
        model.addAttribute("supervisionLevels", SupervisionLevel.values());
        model.addAttribute("units", directory.unitsIn(c.officeRegionCode()));
        model.addAttribute("lowerRegions", directory.children(c.officeRegionCode()).stream()
                .filter(r -> directory.officeOf(r.code()).isPresent()).toList());
        model.addAttribute("orgNames", orgNames());
        model.addAttribute("actionLabels", actionLabels());
        model.addAttribute("statusLabels", statusLabels());
        model.addAttribute("today", rules.now().atZone(rules.zone()).toLocalDate());
        model.addAttribute("zone", rules.zone());
        String org = CurrentActor.find().map(a -> a.orgCode()).orElse(null);
        model.addAttribute("pendingSupervisions", view.supervisions().stream()
                .filter(s -> s.awaitingReply() && Objects.equals(s.unitCode(), org)).toList());
        model.addAttribute("rejectionLabels", labels(RejectionReason.values()));
        model.addAttribute("reviewLabels", labels(ReviewCheck.values()));
    }

    Map<String, String> orgNames() {
        Map<String, String> names = new LinkedHashMap<>();
        directory.organizations().forEach(o -> names.put(o.code(), o.name()));
        return names;
    }

    static Map<String, String> categoryNames() {
        Map<String, String> names = new LinkedHashMap<>();
        Categories.all().forEach(k -> names.put(k.code(), k.name()));
        return names;
    }

    Map<String, String> regionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        directory.regions().forEach(r -> names.put(r.code(), r.name()));
        return names;
    }

    static Map<String, String> actionLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("register", "登记");
        Arrays.stream(CaseAction.values()).forEach(a -> labels.put(a.apiName(), a.label()));
        return labels;
    }

    static Map<String, String> statusLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(CaseStatus.values()).forEach(s -> labels.put(s.name(), s.label()));
        return labels;
    }

    static Map<String, String> channelLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(Channel.values()).forEach(s -> labels.put(s.name(), s.label()));
        return labels;
    }

    private static Map<String, String> labels(cn.yousu.policy.Labelled[] values) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> labels.put(v.name(), v.label()));
        return labels;
    }

    List<Organization> unitsWithin(String regionCode) {
        return directory.unitsWithin(regionCode);
    }

    List<Region> regionsWithin(String regionCode) {
        Region top = directory.region(regionCode).orElse(null);
        return top == null ? List.of() : directory.regions().stream().filter(top::contains).toList();
    }

    /** Supervisions are listed with their unit's name. */
    static String supervisionLabel(CaseDetails.Supervision s) {
        return (s.number() == null ? "" : s.number() + " ") + s.level().label();
    }
}
