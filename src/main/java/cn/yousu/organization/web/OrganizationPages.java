package cn.yousu.organization.web;

import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.OrganizationKind;
import cn.yousu.organization.RegionLevel;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of regions and of units and offices (complaint phone, contact person), for administrators. */
@Controller
class OrganizationPages {

    private final OrganizationDirectory directory;

    OrganizationPages(OrganizationDirectory directory) {
        this.directory = directory;
    }

    // ------------------------------------------------------------------ regions

    @GetMapping("/admin/regions")
    String regions(Model model) {
        return regionPage(model, new LinkedMultiValueMap<>(), FieldErrors.none());
    }

    @PostMapping("/admin/regions")
    String createRegion(@RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var region = directory.createRegion(FormBinding.bind(form, OrganizationDirectory.RegionDraft.class));
            redirect.addFlashAttribute("flash", "已添加区域：" + region.name());
            return "redirect:/admin/regions";
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return regionPage(model, form, FieldErrors.of(problem));
        }
    }

    private String regionPage(Model model, MultiValueMap<String, String> input, FieldErrors errors) {
        model.addAttribute("regions", directory.regions());
        model.addAttribute("offices", directory.organizations().stream().filter(Organization::isOffice).toList());
        model.addAttribute("levels", RegionLevel.values());
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        return "organization/regions";
    }

    // ------------------------------------------------------------------ units and offices

    /** The form of an organisation; {@code active} is a checkbox (with a hidden "false" after it). */
    record OrganizationForm(String code, String name, OrganizationKind kind, String regionCode,
            String complaintPhone, String contactPerson, String contactPhone, String address, String duties,
            Boolean active) {
        Organization organization(String fixedCode) {
            return new Organization(fixedCode == null ? code : fixedCode, name, kind, regionCode, complaintPhone,
                    contactPerson, contactPhone, address, duties, active == null || active);
        }
    }

    @GetMapping("/admin/units")
    String units(@RequestParam(required = false) String edit, Model model) {
        MultiValueMap<String, String> input = new LinkedMultiValueMap<>();
        Organization editing = edit == null ? null : directory.organization(edit)
                .filter(o -> o.kind() != OrganizationKind.SYSTEM)
                .orElseThrow(() -> ApiProblem.notFound("没有代码为 " + edit + " 的单位"));
        if (editing != null) {
            input.add("code", editing.code());
            input.add("name", editing.name());
            input.add("kind", editing.kind().name());
            input.add("regionCode", editing.regionCode());
            input.add("complaintPhone", editing.complaintPhone());
            input.add("contactPerson", editing.contactPerson());
            input.add("contactPhone", editing.contactPhone());
            input.add("address", editing.address());
            input.add("duties", editing.duties());
            input.add("active", String.valueOf(editing.active()));
        } else {
            input.add("kind", OrganizationKind.UNIT.name());
            input.add("active", "true");
        }
        return unitPage(model, input, FieldErrors.none(), editing == null ? null : editing.code());
    }

    @PostMapping("/admin/units")
    String saveUnit(@RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) String editing,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String fixed = editing == null || editing.isBlank() ? null : editing;
        try {
            OrganizationForm in = FormBinding.bind(form, OrganizationForm.class);
            if (fixed == null && in.code() != null && directory.organization(in.code()).isPresent()) {
                throw ApiProblem.invalid("code", "单位代码已存在");
            }
            Organization saved = directory.saveOrganization(in.organization(fixed));
            redirect.addFlashAttribute("flash", (fixed == null ? "已添加：" : "已保存：") + saved.name());
            return "redirect:/admin/units";
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return unitPage(model, form, FieldErrors.of(problem), fixed);
        }
    }

    private String unitPage(Model model, MultiValueMap<String, String> input, FieldErrors errors, String editing) {
        model.addAttribute("organizations", directory.organizations().stream()
                .filter(o -> o.kind() != OrganizationKind.SYSTEM).toList());
        model.addAttribute("regions", directory.regions());
        model.addAttribute("kinds", Arrays.stream(OrganizationKind.values())
                .filter(k -> k != OrganizationKind.SYSTEM).toList());
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", editing);
        return "organization/units";
    }
}
