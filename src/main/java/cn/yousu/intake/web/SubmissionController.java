package cn.yousu.intake.web;

import cn.yousu.casework.CaseService;
import cn.yousu.intake.IntakeService;
import cn.yousu.intake.RegistrationRequest;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.FieldProblem;
import cn.yousu.shared.RateLimiter;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.shared.web.FormBinding;
import cn.yousu.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Submitting a complaint on the portal, step by step on a phone: each step is checked by the same rules as the final
 * submission ({@link IntakeService#publicProblems}), credit code and phone as soon as they are typed; the receipt
 * gives the case number, the tracking code and a QR code that opens the tracking page.
 */
@Controller
class SubmissionController {

    private final IntakeService intake;
    private final IntakeForms forms;
    private final PublicAddress address;
    private final RateLimiter submissions;

    SubmissionController(IntakeService intake, IntakeForms forms, PublicAddress address,
            @Value("${yousu.public.submissions-per-hour:20}") int submissionsPerHour) {
        this.intake = intake;
        this.forms = forms;
        this.address = address;
        this.submissions = new RateLimiter(submissionsPerHour, Duration.ofHours(1));
    }

    @GetMapping("/public/submit")
    String form(@RequestParam(required = false) String channel, Model model) {
        MultiValueMap<String, String> input = new LinkedMultiValueMap<>();
        input.add("channel", "QR_CODE".equals(channel) ? "QR_CODE" : "PORTAL");
        input.add("kind", "COMPLAINT");
        input.add("complainant.type", "ENTERPRISE");
        forms.describe(model, input, FieldErrors.none());
        model.addAttribute("startStep", 1);
        return "intake/submit";
    }

    @PostMapping("/public/submit")
    String submit(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        submissions.acquire(request.getRemoteAddr());
        CaseService.Registered registered;
        try {
            registered = intake.submitPublicly(FormBinding.bind(form, RegistrationRequest.class));
        } catch (ApiProblem problem) {
            if (problem.status() != HttpStatus.BAD_REQUEST) {
                throw problem;
            }
            FieldErrors errors = FieldErrors.of(problem);
            forms.describe(model, form, errors);
            model.addAttribute("startStep", IntakeForms.firstStepWithProblem(errors));
            if (Htmx.isHtmx(request)) {
                return "intake/submit :: form";
            }
            response.setStatus(400);
            return "intake/submit";
        }
        String number = registered.registered().number();
        String code = registered.trackingCode();
        String path = "/track?number=" + number + "&code=" + code;
        model.addAttribute("number", number);
        model.addAttribute("code", code);
        model.addAttribute("trackPath", path);
        model.addAttribute("qr", address.qr(request, path, "扫码查询诉求 " + number + " 的办理进度"));
        model.addAttribute("statusName", registered.registered().status().label());
        if (Htmx.isHtmx(request)) {
            Htmx.retarget(response, "#submit-page");
            return "intake/receipt :: receipt";
        }
        return "intake/receipt";
    }

    /**
     * Checks one step ({@code step}) or one field ({@code field}) of the form as it stands and answers the messages of
     * those fields (htmx swaps them in out of band); a step without problems lets the page go on to the next one.
     */
    @PostMapping("/public/submit/check")
    String check(@RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) Integer step,
            @RequestParam(required = false) String field, Model model, HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        try {
            problems.addAll(intake.publicProblems(FormBinding.bind(form, RegistrationRequest.class)));
        } catch (ApiProblem unreadable) {
            problems.addAll(unreadable.errors());
        }
        FieldErrors errors = problems.isEmpty() ? FieldErrors.none() : FieldErrors.of(ApiProblem.invalid(problems));
        List<String> fields = field != null ? List.of(field)
                : IntakeForms.STEPS.getOrDefault(step == null ? 1 : step, List.of());
        model.addAttribute("fields", fields);
        model.addAttribute("errors", errors);
        if (field == null && fields.stream().noneMatch(errors::has)) {
            response.setHeader("HX-Trigger", "{\"stepChecked\": \"" + ((step == null ? 1 : step) + 1) + "\"}");
        }
        return "intake/submit :: checks";
    }
}
