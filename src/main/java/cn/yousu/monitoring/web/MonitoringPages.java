package cn.yousu.monitoring.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.monitoring.MemberCategory;
import cn.yousu.monitoring.MemberKind;
import cn.yousu.monitoring.MonitoringCommands;
import cn.yousu.monitoring.MonitoringService;
import cn.yousu.monitoring.Report;
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
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages of the monitoring registry, and the members' own page. Same service as the API. */
@Controller
class MonitoringPages {

    private final MonitoringService monitoring;
    private final OrganizationDirectory directory;
    private final ZoneId zone;

    MonitoringPages(MonitoringService monitoring, OrganizationDirectory directory, ZoneId applicationZone) {
        this.monitoring = monitoring;
        this.directory = directory;
        this.zone = applicationZone;
    }

    // ------------------------------------------------------------------ registry

    @GetMapping("/monitoring")
    String registry(Model model) {
        MultiValueMap<String, String> input = new LinkedMultiValueMap<>();
        input.add("kind", MemberKind.SUPERVISOR.name());
        input.add("nomination", "RECOMMENDED");
        return registryPage(model, input, FieldErrors.none());
    }

    @PostMapping("/monitoring")
    String nominate(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var created = monitoring.nominate(FormBinding.bind(form, MonitoringCommands.Nominate.class),
                    CurrentActor.get());
            redirect.addFlashAttribute("flash", "已登记：" + created.member().name() + "，待初审");
            return "redirect:/monitoring/members/" + created.member().id();
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return registryPage(model, form, FieldErrors.of(problem));
        }
    }

    private String registryPage(Model model, MultiValueMap<String, String> input, FieldErrors errors) {
        Actor actor = CurrentActor.get();
        model.addAttribute("members", monitoring.members(actor, null, null));
        model.addAttribute("kinds", MemberKind.values());
        model.addAttribute("categories", MemberCategory.values());
        model.addAttribute("regions", directory.regions().stream()
                .filter(r -> directory.isWithin(r.code(), actor.regionCode())).toList());
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        return "monitoring/registry";
    }

    @GetMapping("/monitoring/members/{id}")
    String member(@PathVariable long id, Model model) {
        return memberPage(id, model, null, new LinkedMultiValueMap<>(), FieldErrors.none());
    }

    /** One form per step: {@code step} is preliminary-review, office-review, approval, account, exit or removal. */
    @PostMapping("/monitoring/members/{id}/{step}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam MultiValueMap<String, String> form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        try {
            MonitoringService.MemberView after = switch (step) {
                case "preliminary-review" -> monitoring.preliminaryReview(id,
                        FormBinding.bind(form, MonitoringCommands.Review.class), actor);
                case "office-review" -> monitoring.officeReview(id,
                        FormBinding.bind(form, MonitoringCommands.Review.class), actor);
                case "approval" -> monitoring.approve(id, FormBinding.bind(form, MonitoringCommands.Review.class),
                        actor);
                case "account" -> monitoring.createAccount(id, FormBinding.bind(form, MonitoringCommands.Account.class),
                        actor);
                case "exit" -> monitoring.exit(id, FormBinding.bind(form, MonitoringCommands.End.class), actor);
                case "removal" -> monitoring.remove(id, FormBinding.bind(form, MonitoringCommands.End.class), actor);
                default -> throw ApiProblem.notFound("没有这个操作");
            };
            redirect.addFlashAttribute("flash", "已办理：" + after.statusName());
            return "redirect:/monitoring/members/" + id;
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return memberPage(id, model, step, form, FieldErrors.of(problem));
        }
    }

    private String memberPage(long id, Model model, String failedStep, MultiValueMap<String, String> input,
            FieldErrors errors) {
        model.addAttribute("view", monitoring.member(id, CurrentActor.get()));
        model.addAttribute("failedStep", failedStep);
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", zone);
        return "monitoring/member";
    }

    // ------------------------------------------------------------------ quotas and exit flags

    @GetMapping("/monitoring/quotas")
    String quotas(@RequestParam(required = false) String quarter, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("page", monitoring.quotas(actor, quarter));
        model.addAttribute("flags", monitoring.exitFlags(actor));
        return "monitoring/quotas";
    }

    // ------------------------------------------------------------------ meetings

    @GetMapping("/monitoring/meetings")
    String meetings(Model model) {
        return meetingsPage(model, new LinkedMultiValueMap<>(), FieldErrors.none());
    }

    @PostMapping("/monitoring/meetings")
    String createMeeting(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(() -> {
            MonitoringCommands.MeetingDraft draft = new MonitoringCommands.MeetingDraft(form.getFirst("title"),
                    form.getFirst("theme"), dateTime(form.getFirst("heldAt"), "heldAt"), form.getFirst("location"),
                    FormBinding.bind(form, Ids.class).memberIds(), lines(form.getFirst("units")));
            monitoring.createMeeting(draft, CurrentActor.get());
            redirect.addFlashAttribute("flash", "已发出联席会议邀请");
            return "redirect:/monitoring/meetings";
        }, problem -> {
            response.setStatus(problem.status().value());
            return meetingsPage(model, form, FieldErrors.of(problem));
        });
    }

    /** The member ids of a form (repeated {@code memberIds}). */
    record Ids(List<Long> memberIds) {
    }

    @PostMapping("/monitoring/meetings/{id}/attendance")
    String attendance(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(() -> {
            List<MonitoringCommands.Attendance.Entry> entries = new ArrayList<>();
            List<String> present = form.getOrDefault("present", List.of());
            for (String invited : form.getOrDefault("invited", List.of())) {
                entries.add(new MonitoringCommands.Attendance.Entry(Long.valueOf(invited), present.contains(invited)));
            }
            monitoring.recordAttendance(id, new MonitoringCommands.Attendance(entries), CurrentActor.get());
            redirect.addFlashAttribute("flash", "已登记出席情况");
            return "redirect:/monitoring/meetings";
        }, problem -> {
            response.setStatus(problem.status().value());
            return meetingsPage(model, new LinkedMultiValueMap<>(), FieldErrors.of(problem));
        });
    }

    private String meetingsPage(Model model, MultiValueMap<String, String> input, FieldErrors errors) {
        Actor actor = CurrentActor.get();
        List<MonitoringService.Meeting> meetings = monitoring.meetings(actor);
        java.time.LocalDate today = monitoring.today();
        java.time.LocalDate quarterStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        model.addAttribute("meetings", meetings);
        model.addAttribute("quarterHasMeeting", meetings.stream().map(g -> g.heldAt().atZone(zone).toLocalDate())
                .anyMatch(d -> !d.isBefore(quarterStart) && d.isBefore(quarterStart.plusMonths(3))));
        model.addAttribute("active", monitoring.members(actor, null, cn.yousu.monitoring.MemberStatus.ACTIVE));
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", zone);
        return "monitoring/meetings";
    }

    // ------------------------------------------------------------------ task lists

    @GetMapping("/monitoring/task-lists")
    String taskLists(Model model) {
        return taskListPage(model, new LinkedMultiValueMap<>(), FieldErrors.none());
    }

    @PostMapping("/monitoring/task-lists")
    String createTaskList(@RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var list = monitoring.createTaskList(FormBinding.bind(form, MonitoringCommands.TaskListDraft.class),
                    CurrentActor.get());
            redirect.addFlashAttribute("flash", "已生成" + list.listNumber() + "，案件 " + list.caseNumber());
            return "redirect:/monitoring/task-lists";
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return taskListPage(model, form, FieldErrors.of(problem));
        }
    }

    private String taskListPage(Model model, MultiValueMap<String, String> input, FieldErrors errors) {
        Actor actor = CurrentActor.get();
        model.addAttribute("suggestions", monitoring.openSuggestions(actor));
        model.addAttribute("lists", monitoring.taskLists(actor));
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", zone);
        return "monitoring/task-lists";
    }

    // ------------------------------------------------------------------ the member's own page

    @GetMapping("/monitoring/me")
    String me(Model model) {
        MultiValueMap<String, String> input = new LinkedMultiValueMap<>();
        input.add("kind", Report.ReportKind.PROBLEM.name());
        return mePage(model, input, FieldErrors.none());
    }

    @PostMapping("/monitoring/me/reports")
    String submit(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var report = monitoring.submit(FormBinding.bind(form, MonitoringCommands.Submit.class), CurrentActor.get());
            redirect.addFlashAttribute("flash", "已报送，登记为案件 " + report.caseNumber());
            return "redirect:/monitoring/me";
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return mePage(model, form, FieldErrors.of(problem));
        }
    }

    private String mePage(Model model, MultiValueMap<String, String> input, FieldErrors errors) {
        Actor actor = CurrentActor.get();
        model.addAttribute("me", monitoring.me(actor));
        model.addAttribute("reports", monitoring.myReports(actor));
        model.addAttribute("units", directory.unitsWithin(actor.regionCode()));
        model.addAttribute("kinds", Report.ReportKind.values());
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", zone);
        return "monitoring/me";
    }

    // ------------------------------------------------------------------ machinery

    private static String act(Supplier<String> action, java.util.function.Function<ApiProblem, String> refused) {
        try {
            return action.get();
        } catch (ApiProblem problem) {
            return refused.apply(problem);
        }
    }

    /** A {@code datetime-local} input, read in the region's zone; 400 naming the field when unreadable. */
    OffsetDateTime dateTime(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(raw.trim()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "时间格式应为 YYYY-MM-DDTHH:MM");
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
