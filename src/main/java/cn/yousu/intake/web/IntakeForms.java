package cn.yousu.intake.web;

import cn.yousu.casework.Attachment;
import cn.yousu.casework.Attachments;
import cn.yousu.casework.CaseKind;
import cn.yousu.casework.Channel;
import cn.yousu.casework.ComplainantType;
import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.Region;
import cn.yousu.policy.Categories;
import cn.yousu.shared.web.FieldErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the submission and registration forms offer (regions with an office, units by region, the vocabularies,
 * the upload limits) and the fields of each step of the portal's form.
 */
@Component
class IntakeForms {

    /** The fields of each step of the portal's form, as the API names them. */
    static final Map<Integer, List<String>> STEPS = Map.of(
            1, List.of("complainant.type", "complainant.companyName", "complainant.creditCode", "complainant.name",
                    "complainant.phone", "complainant.email", "complainant.address",
                    "agent.name", "agent.phone", "agent.powerOfAttorneyAttachmentId"),
            2, List.of("regionCode", "kind", "respondent.unitCode", "respondent.name", "respondent.person", "title",
                    "facts", "request", "categoryCode"),
            3, List.of("attachmentIds"));

    /** The file types taken, as the file chooser's accept list. */
    static final String ACCEPT = Attachments.TYPES.keySet().stream().sorted().map(e -> "." + e)
            .collect(Collectors.joining(","));

    private final OrganizationDirectory directory;
    private final Attachments attachments;

    IntakeForms(OrganizationDirectory directory, Attachments attachments) {
        this.directory = directory;
        this.attachments = attachments;
    }

    void describe(Model model, MultiValueMap<String, String> input, FieldErrors errors) {
        model.addAttribute("input", input == null ? new LinkedMultiValueMap<String, String>() : input);
        model.addAttribute("errors", errors == null ? FieldErrors.none() : errors);
        model.addAttribute("regions", regionsWithOffice());
        model.addAttribute("unitsByRegion", unitsByRegion());
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("complainantTypes", ComplainantType.values());
        model.addAttribute("categories", Categories.all());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("accept", ACCEPT);
        model.addAttribute("maxBytes", attachments.maxBytes());
        model.addAttribute("maxMegabytes", attachments.maxBytes() / 1024 / 1024);
        model.addAttribute("uploaded", uploaded(input));
        model.addAttribute("poa", input == null ? null
                : attachment(input.getFirst("agent.powerOfAttorneyAttachmentId")));
    }

    /** The first step that has a problem (1 when none has). */
    static int firstStepWithProblem(FieldErrors errors) {
        for (int step = 1; step <= STEPS.size(); step++) {
            if (STEPS.get(step).stream().anyMatch(errors::has)) {
                return step;
            }
        }
        return 1;
    }

    List<Region> regionsWithOffice() {
        return directory.regions().stream().filter(r -> directory.officeOf(r.code()).isPresent()).toList();
    }

    Map<String, List<Organization>> unitsByRegion() {
        Map<String, List<Organization>> byRegion = new LinkedHashMap<>();
        for (Region r : directory.regions()) {
            List<Organization> units = directory.unitsIn(r.code());
            if (!units.isEmpty()) {
                byRegion.put(r.name(), units);
            }
        }
        return byRegion;
    }

    /** The files already uploaded for a form being shown again. */
    List<Attachment> uploaded(MultiValueMap<String, String> input) {
        if (input == null || input.get("attachmentIds") == null) {
            return List.of();
        }
        return input.get("attachmentIds").stream().map(this::attachment).filter(Objects::nonNull)
                .filter(a -> a.caseId() == null).toList();
    }

    Attachment attachment(String id) {
        return id == null || id.isBlank() ? null : attachments.find(id).orElse(null);
    }
}
