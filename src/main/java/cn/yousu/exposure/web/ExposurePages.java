package cn.yousu.exposure.web;

import cn.yousu.exposure.ExposureService;
import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The exposure board's staff pages (draft, review, withdraw) and the portal's list. */
@Controller
class ExposurePages {

    private final ExposureService exposures;

    ExposurePages(ExposureService exposures) {
        this.exposures = exposures;
    }

    /** The form's text: the marked terms come one a line. */
    record DraftForm(String caseNumber, String title, String problemType, String body, String handling,
            String maskedTerms) {
        ExposureService.Draft draft() {
            List<String> terms = maskedTerms == null ? List.of() : Arrays.stream(maskedTerms.split("\\R"))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            return new ExposureService.Draft(caseNumber, title, problemType, body, handling, terms);
        }
    }

    @GetMapping("/exposure")
    String list(@RequestParam(required = false) String caseNumber, Model model) {
        MultiValueMap<String, String> input = new LinkedMultiValueMap<>();
        if (caseNumber != null) {
            input.add("caseNumber", caseNumber);
        }
        return listPage(model, input, FieldErrors.none());
    }

    @PostMapping("/exposure")
    String create(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var item = exposures.create(FormBinding.bind(form, DraftForm.class).draft(), CurrentActor.get());
            redirect.addFlashAttribute("flash", "已起草（已隐去身份信息），请核对后提交审核");
            return "redirect:/exposure/" + item.id();
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return listPage(model, form, FieldErrors.of(problem));
        }
    }

    private String listPage(Model model, MultiValueMap<String, String> input, FieldErrors errors) {
        model.addAttribute("items", exposures.list(CurrentActor.get()));
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        return "exposure/list";
    }

    @GetMapping("/exposure/{id}")
    String item(@PathVariable long id, Model model) {
        ExposureService.Item item = exposures.get(id, CurrentActor.get());
        MultiValueMap<String, String> input = new LinkedMultiValueMap<>();
        input.add("title", item.title());
        input.add("problemType", item.problemType());
        input.add("body", item.body());
        input.add("handling", item.handling());
        input.add("maskedTerms", String.join("\n", item.maskedTerms()));
        return itemPage(item, model, input, FieldErrors.none());
    }

    @PostMapping("/exposure/{id}/{step}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam MultiValueMap<String, String> form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        try {
            ExposureService.Item after = switch (step) {
                case "edit" -> exposures.update(id, FormBinding.bind(form, DraftForm.class).draft(), actor);
                case "submission" -> exposures.submit(id, actor);
                case "review" -> exposures.review(id, FormBinding.bind(form, ExposureService.Review.class), actor);
                case "withdrawal" -> exposures.withdraw(id, FormBinding.bind(form, ExposureService.Withdraw.class),
                        actor);
                default -> throw ApiProblem.notFound("没有这个操作");
            };
            redirect.addFlashAttribute("flash", "当前状态：" + after.statusName());
            return "redirect:/exposure/" + id;
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return itemPage(exposures.get(id, actor), model, form, FieldErrors.of(problem));
        }
    }

    private String itemPage(ExposureService.Item item, Model model, MultiValueMap<String, String> input,
            FieldErrors errors) {
        model.addAttribute("item", item);
        model.addAttribute("reviewer", CurrentActor.get().has(cn.yousu.identity.Role.REVIEWER));
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        return "exposure/item";
    }

    @GetMapping("/public/exposure")
    String board(Model model) {
        model.addAttribute("items", exposures.published());
        return "exposure/board";
    }

    @GetMapping("/public/exposure/{id}")
    String boardItem(@PathVariable long id, Model model) {
        model.addAttribute("item", exposures.publishedItem(id)
                .orElseThrow(() -> ApiProblem.notFound("没有这条曝光内容")));
        return "exposure/board-item";
    }
}
