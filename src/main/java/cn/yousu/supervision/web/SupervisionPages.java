package cn.yousu.supervision.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.identity.Role;
import cn.yousu.identity.StaffPages;
import cn.yousu.policy.Satisfaction;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.supervision.FollowUps;
import cn.yousu.supervision.SupervisionBoard;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervision page (预警督办): the clocks in yellow and red that the user may see, and for offices the 回头看
 * queue with the second visit and the decision as forms. Each form calls the same service as the API.
 */
@Controller
class SupervisionPages implements StaffPages {

    private final SupervisionBoard board;
    private final FollowUps followUps;
    private final cn.yousu.supervision.SupervisionRecords records;
    private final ZoneId zone;
    private final java.time.Clock clock;

    SupervisionPages(SupervisionBoard board, FollowUps followUps, cn.yousu.supervision.SupervisionRecords records,
            ZoneId applicationZone, java.time.Clock clock) {
        this.board = board;
        this.records = records;
        this.followUps = followUps;
        this.zone = applicationZone;
        this.clock = clock;
    }

    @Override
    public List<NavLink> navigation(Actor actor) {
        return actor.inOffice() || actor.inUnit() || actor.inGovernment()
                ? List.of(new NavLink(25, "nav.supervision", "预警督办", "/supervision")) : List.of();
    }

    @Override
    public List<HeaderBadge> badges(Actor actor) {
        long red = board.warnings(actor, 1000).stream()
                .filter(w -> w.colour() == cn.yousu.supervision.DeadlineClocks.Colour.RED)
                .map(cn.yousu.supervision.DeadlineClocks.Warning::caseNumber).distinct().count();
        return red == 0 ? List.of() : List.of(new HeaderBadge("badge.overdue", "超期案件", "/supervision", red, "danger"));
    }

    @GetMapping("/supervision")
    String page(Model model) {
        return render(model, null, null);
    }

    private String render(Model model, Long formId, FieldErrors errors) {
        Actor me = CurrentActor.get();
        model.addAttribute("zone", zone);
        model.addAttribute("warnings", board.warnings(me, 200));
        model.addAttribute("records", me.inOffice() || me.inUnit() || me.inGovernment()
                ? records.of(me, null, 50) : List.of());
        model.addAttribute("now", clock.instant());
        boolean office = me.inOffice();
        model.addAttribute("office", office);
        model.addAttribute("canDraw", office && me.has(Role.SUPERVISOR));
        model.addAttribute("canVisit", office && me.has(Role.VISITOR));
        model.addAttribute("canDecide", office && me.has(Role.SUPERVISOR));
        model.addAttribute("samples", office ? followUps.queue(me, null) : List.of());
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("decisions", FollowUps.Decision.values());
        model.addAttribute("lastMonth", YearMonth.now(clock.withZone(zone)).minusMonths(1).toString());
        model.addAttribute("formId", formId);
        model.addAttribute("errors", errors == null ? FieldErrors.none() : errors);
        return "supervision/board";
    }

    @PostMapping("/supervision/draws")
    String draw(@RequestParam(required = false) String month, @RequestParam(required = false) Long seed, Model model) {
        try {
            YearMonth parsed;
            try {
                parsed = YearMonth.parse(month == null ? "" : month.trim());
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalid("month", "月份格式应为 yyyy-MM（如 2026-10）");
            }
            followUps.drawMonth(parsed, seed, CurrentActor.get());
            return "redirect:/supervision";
        } catch (ApiProblem p) {
            return render(model, 0L, FieldErrors.of(p));
        }
    }

    @PostMapping("/supervision/followups/{id}/visit")
    String visit(@PathVariable long id, @RequestParam(required = false) Satisfaction satisfaction,
            @RequestParam(required = false) String comment, Model model) {
        try {
            followUps.visit(id, CurrentActor.get(), satisfaction, comment);
            return "redirect:/supervision";
        } catch (ApiProblem p) {
            return render(model, id, FieldErrors.of(p));
        }
    }

    @PostMapping("/supervision/followups/{id}/decide")
    String decide(@PathVariable long id, @RequestParam(required = false) FollowUps.Decision decision,
            @RequestParam(required = false) String comment, Model model) {
        try {
            followUps.decide(id, CurrentActor.get(), decision, comment);
            return "redirect:/supervision";
        } catch (ApiProblem p) {
            return render(model, id, FieldErrors.of(p));
        }
    }
}
