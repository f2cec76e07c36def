package cn.yousu.supervision.web;

import cn.yousu.identity.CurrentActor;
import cn.yousu.policy.Satisfaction;
import cn.yousu.shared.ApiProblem;
import cn.yousu.supervision.FollowUps;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 回头看: draws, the sampling queue, the second visit and the office's decision. */
@RestController
@RequestMapping("/api/v1/followups")
class FollowUpController {

    private final FollowUps followUps;

    FollowUpController(FollowUps followUps) {
        this.followUps = followUps;
    }

    record DrawRequest(String month, Long seed) {
    }

    record VisitRequest(Satisfaction satisfaction, String comment) {
    }

    record DecideRequest(FollowUps.Decision decision, String comment) {
    }

    @PostMapping("/draws")
    @ResponseStatus(HttpStatus.CREATED)
    FollowUps.Draw draw(@RequestBody(required = false) DrawRequest body) {
        String month = body == null ? null : body.month();
        if (month == null || month.isBlank()) {
            throw ApiProblem.invalid("month", "请填写抽样月份（如 2026-10）");
        }
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("month", "月份格式应为 yyyy-MM（如 2026-10）");
        }
        return followUps.drawMonth(parsed, body.seed(), CurrentActor.get());
    }

    @GetMapping
    List<FollowUps.Sample> queue(@RequestParam(required = false) FollowUps.Status status) {
        return followUps.queue(CurrentActor.get(), status);
    }

    @PostMapping("/{id}/visit")
    FollowUps.Sample visit(@PathVariable long id, @RequestBody(required = false) VisitRequest body) {
        VisitRequest in = body == null ? new VisitRequest(null, null) : body;
        return followUps.visit(id, CurrentActor.get(), in.satisfaction(), in.comment());
    }

    @PostMapping("/{id}/decide")
    FollowUps.Sample decide(@PathVariable long id, @RequestBody(required = false) DecideRequest body) {
        DecideRequest in = body == null ? new DecideRequest(null, null) : body;
        return followUps.decide(id, CurrentActor.get(), in.decision(), in.comment());
    }
}
