package cn.yousu.hearing.web;

import cn.yousu.hearing.HearingService;
import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

/** The hearing pages: schedule one for a case, then record it (or cancel it). */
@Controller
class HearingPages {

    static final int QUESTION_ROWS = 5;

    private final HearingService hearings;
    private final OrganizationDirectory directory;
    private final ZoneId zone;

    HearingPages(HearingService hearings, OrganizationDirectory directory, ZoneId applicationZone) {
        this.hearings = hearings;
        this.directory = directory;
        this.zone = applicationZone;
    }

    @GetMapping("/hearings")
    String list(@RequestParam(required = false) String caseNumber, Model model) {
        MultiValueMap<String, String> input = new LinkedMultiValueMap<>();
        if (caseNumber != null) {
            input.add("caseNumber", caseNumber);
        }
        input.add("openToPublic", "true"); // 听证应当公开举行 (seed 002 三(二))
        return listPage(model, input, FieldErrors.none());
    }

    @PostMapping("/hearings")
    String schedule(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            String caseNumber = form.getFirst("caseNumber");
            if (caseNumber == null || caseNumber.isBlank()) {
                throw ApiProblem.invalid("caseNumber", "请填写案件编号");
            }
            Units units = FormBinding.bind(form, Units.class);
            var h = hearings.schedule(caseNumber.trim(), new HearingService.Schedule(form.getFirst("subject"),
                    form.getFirst("majorReason"), dateTime(form.getFirst("scheduledAt")), form.getFirst("location"),
                    form.getFirst("presiding"), lines(form.getFirst("participants")), units.unitCodes(),
                    !"false".equals(form.getFirst("openToPublic"))), CurrentActor.get());
            redirect.addFlashAttribute("flash", "已安排听证，并记入案件 " + h.caseNumber() + " 的办理记录");
            return "redirect:/hearings/" + h.id();
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return listPage(model, form, FieldErrors.of(problem));
        }
    }

    /** The invited departments of a form (repeated {@code unitCodes}). */
    record Units(List<String> unitCodes) {
    }

    private String listPage(Model model, MultiValueMap<String, String> input, FieldErrors errors) {
        Actor actor = CurrentActor.get();
        model.addAttribute("hearings", hearings.list(actor, null));
        model.addAttribute("units", directory.unitsWithin(actor.regionCode()));
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        return "hearing/list";
    }

    @GetMapping("/hearings/{id}")
    String hearing(@PathVariable long id, Model model) {
        return hearingPage(id, model, new LinkedMultiValueMap<>(), FieldErrors.none());
    }

    @PostMapping("/hearings/{id}/record")
    String record(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            List<HearingService.Question> questions = new ArrayList<>();
            List<String> askedBy = form.getOrDefault("askedBy", List.of());
            List<String> asked = form.getOrDefault("question", List.of());
            List<String> answers = form.getOrDefault("answer", List.of());
            for (int i = 0; i < asked.size(); i++) {
                String by = i < askedBy.size() ? askedBy.get(i) : null;
                String answer = i < answers.size() ? answers.get(i) : null;
                if (!blank(asked.get(i)) || !blank(by) || !blank(answer)) {
                    questions.add(new HearingService.Question(by, asked.get(i), blank(answer) ? null : answer));
                }
            }
            hearings.record(id, new HearingService.Record(questions, form.getFirst("findings"),
                    form.getFirst("outcome")), CurrentActor.get());
            redirect.addFlashAttribute("flash", "已登记听证情况");
            return "redirect:/hearings/" + id;
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return hearingPage(id, model, form, FieldErrors.of(problem));
        }
    }

    @PostMapping("/hearings/{id}/cancellation")
    String cancel(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            hearings.cancel(id, FormBinding.bind(form, HearingService.Cancel.class), CurrentActor.get());
            redirect.addFlashAttribute("flash", "听证已取消");
            return "redirect:/hearings/" + id;
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return hearingPage(id, model, form, FieldErrors.of(problem));
        }
    }

    private String hearingPage(long id, Model model, MultiValueMap<String, String> input, FieldErrors errors) {
        model.addAttribute("h", hearings.get(id, CurrentActor.get()));
        model.addAttribute("rows", java.util.stream.IntStream.range(0, QUESTION_ROWS).boxed().toList());
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        return "hearing/hearing";
    }

    @GetMapping("/public/hearings")
    String announcements(Model model) {
        model.addAttribute("announcements", hearings.announcements());
        return "hearing/public";
    }

    private OffsetDateTime dateTime(String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDateTime.parse(raw.trim()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("scheduledAt", "时间格式应为 YYYY-MM-DDTHH:MM");
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
