package cn.yousu.intake.web;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseCommands;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.CaseViews;
import cn.yousu.policy.EscalationReason;
import cn.yousu.policy.Satisfaction;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.RateLimiter;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.shared.web.FormBinding;
import cn.yousu.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tracking page: case number and tracking code show the status in plain words, the deadlines, the public
 * timeline and the result; the complainant adds material, withdraws, evaluates (when the case waits for the visit)
 * or goes to the upper office (when allowed) — exactly what the case allows the complainant now.
 */
@Controller
class TrackingController {

    private final CaseService cases;
    private final CaseViews views;
    private final IntakeForms forms;
    private final RateLimiter lookups;

    TrackingController(CaseService cases, CaseViews views, IntakeForms forms,
            @Value("${yousu.public.lookups-per-minute:60}") int lookupsPerMinute) {
        this.cases = cases;
        this.views = views;
        this.forms = forms;
        this.lookups = new RateLimiter(lookupsPerMinute, Duration.ofMinutes(1));
    }

    @GetMapping("/track")
    String track(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        if (blank(number) && blank(code)) {
            model.addAttribute("lookupErrors", FieldErrors.none());
            return "intake/track";
        }
        return lookup(number, code, model, request, response);
    }

    @PostMapping("/track")
    String lookup(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        lookups.acquire(request.getRemoteAddr());
        model.addAttribute("number", number);
        try {
            if (blank(number) || blank(code)) {
                throw ApiProblem.invalid(java.util.List.of(
                        new cn.yousu.shared.FieldProblem(blank(number) ? "number" : "code",
                                blank(number) ? "请输入诉求编号" : "请输入查询码")));
            }
            Case c = cases.getForComplainant(number.trim(), code.trim());
            show(c, code.trim(), model, null, FieldErrors.none(), null);
        } catch (ApiProblem problem) {
            model.addAttribute("lookupErrors", FieldErrors.of(problem));
            response.setStatus(problem.status().value());
        }
        return "intake/track";
    }

    @PostMapping("/track/{action}")
    String act(@PathVariable String action, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        lookups.acquire(request.getRemoteAddr());
        String number = form.getFirst("number");
        String code = form.getFirst("code");
        Case c;
        try {
            c = switch (action) {
                case "materials" -> cases.addMaterial(number, code, FormBinding.bind(form, CaseCommands.Material.class));
                case "withdraw" -> cases.withdraw(number, code, FormBinding.bind(form, CaseCommands.Withdraw.class));
                case "evaluate" -> cases.evaluate(number, code, FormBinding.bind(form, CaseCommands.Evaluate.class));
                case "escalate" -> cases.escalate(number, code, FormBinding.bind(form, CaseCommands.Escalate.class));
                default -> throw ApiProblem.notFound("没有这个操作");
            };
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            show(cases.getForComplainant(number, code), code, model, action, FieldErrors.of(problem), form);
            if (!Htmx.isHtmx(request)) {
                response.setStatus(problem.status().value());
                return "intake/track";
            }
            return "intake/track :: tracking";
        }
        show(c, code, model, null, FieldErrors.none(), null);
        model.addAttribute("done", switch (action) {
            case "materials" -> "track.done.materials";
            case "withdraw" -> "track.done.withdraw";
            case "evaluate" -> "track.done.evaluate";
            default -> "track.done.escalate";
        });
        return Htmx.isHtmx(request) ? "intake/track :: tracking" : "intake/track";
    }

    private void show(Case c, String code, Model model, String failed, FieldErrors errors,
            MultiValueMap<String, String> input) {
        model.addAttribute("t", views.publicView(c, cases.rules(), cases.timeline(c)));
        model.addAttribute("code", code);
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        model.addAttribute("satisfactionLevels", Satisfaction.values());
        model.addAttribute("escalationReasons", EscalationReason.values());
        forms.describe(model, input == null ? new LinkedMultiValueMap<>() : input, errors);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
