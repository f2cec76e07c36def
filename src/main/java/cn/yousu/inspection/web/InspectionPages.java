package cn.yousu.inspection.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.inspection.InspectionCommands;
import cn.yousu.inspection.InspectionService;
import cn.yousu.inspection.InspectionTheme;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inspection pages: tasks, one inspection with its findings, the ledger, and the published results. */
@Controller
class InspectionPages {

    private final InspectionService inspections;
    private final OrganizationDirectory directory;

    InspectionPages(InspectionService inspections, OrganizationDirectory directory) {
        this.inspections = inspections;
        this.directory = directory;
    }

    @GetMapping("/inspections")
    String list(Model model) {
        return listPage(model, new LinkedMultiValueMap<>(), FieldErrors.none());
    }

    @PostMapping("/inspections")
    String create(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var created = inspections.create(FormBinding.bind(form, InspectionCommands.Create.class),
                    CurrentActor.get());
            redirect.addFlashAttribute("flash", "已下达督察任务 " + created.number());
            return "redirect:/inspections/" + created.id();
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return listPage(model, form, FieldErrors.of(problem));
        }
    }

    private String listPage(Model model, MultiValueMap<String, String> input, FieldErrors errors) {
        Actor actor = CurrentActor.get();
        model.addAttribute("inspections", inspections.list(actor));
        model.addAttribute("themes", InspectionTheme.values());
        model.addAttribute("regions", actor.inOffice() ? directory.regions().stream()
                .filter(r -> directory.isWithin(r.code(), actor.regionCode())).toList() : java.util.List.of());
        model.addAttribute("units", actor.inOffice() ? directory.unitsWithin(actor.regionCode()) : java.util.List.of());
        model.addAttribute("canCreate", actor.inOffice());
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        return "inspection/list";
    }

    @GetMapping("/inspections/{id:\\d+}")
    String inspection(@PathVariable long id, Model model) {
        return inspectionPage(id, model, new LinkedMultiValueMap<>(), FieldErrors.none(), null);
    }

    @PostMapping("/inspections/{id:\\d+}/findings")
    String addFinding(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            inspections.addFinding(id, FormBinding.bind(form, InspectionCommands.AddFinding.class), CurrentActor.get());
            redirect.addFlashAttribute("flash", "已登记问题并提出整改要求");
            return "redirect:/inspections/" + id;
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return inspectionPage(id, model, form, FieldErrors.of(problem), "finding");
        }
    }

    @PostMapping("/inspections/{id:\\d+}/publication")
    String publish(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            inspections.publish(id, FormBinding.bind(form, InspectionCommands.Publish.class), CurrentActor.get());
            redirect.addFlashAttribute("flash", "督察结果已公布");
            return "redirect:/inspections/" + id;
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return inspectionPage(id, model, form, FieldErrors.of(problem), "publish");
        }
    }

    @PostMapping("/inspections/{id:\\d+}/findings/{findingId}/{step}")
    String findingStep(@PathVariable long id, @PathVariable long findingId, @PathVariable String step,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        try {
            switch (step) {
                case "rectification" -> inspections.reportRectification(findingId,
                        FormBinding.bind(form, InspectionCommands.Report.class), actor);
                case "verification" -> inspections.verify(findingId,
                        FormBinding.bind(form, InspectionCommands.Verify.class), actor);
                default -> throw ApiProblem.notFound("没有这个操作");
            }
            redirect.addFlashAttribute("flash", "rectification".equals(step) ? "已报送整改情况" : "已登记核验结果");
            return "redirect:/inspections/" + id;
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return inspectionPage(id, model, form, FieldErrors.of(problem), step + "-" + findingId);
        }
    }

    private String inspectionPage(long id, Model model, MultiValueMap<String, String> input, FieldErrors errors,
            String failed) {
        Actor actor = CurrentActor.get();
        model.addAttribute("i", inspections.get(id, actor));
        model.addAttribute("isOffice", actor.inOffice());
        model.addAttribute("unitCode", actor.inUnit() ? actor.orgCode() : null);
        model.addAttribute("failed", failed);
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        return "inspection/inspection";
    }

    @GetMapping("/inspections/ledger")
    String ledger(@RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "false") boolean overdue, Model model) {
        model.addAttribute("rows", inspections.ledger(CurrentActor.get(), open, overdue));
        model.addAttribute("open", open);
        model.addAttribute("overdue", overdue);
        return "inspection/ledger";
    }

    @GetMapping("/public/inspections")
    String published(Model model) {
        model.addAttribute("results", inspections.published());
        return "inspection/public";
    }
}
