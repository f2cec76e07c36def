package cn.yousu.hearing.web;

import cn.yousu.hearing.HearingService;
import cn.yousu.identity.CurrentActor;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hearings over HTTP (docs/api.md, 听证). */
@RestController
class HearingController {

    private final HearingService hearings;

    HearingController(HearingService hearings) {
        this.hearings = hearings;
    }

    @PostMapping("/api/v1/cases/{number}/hearings")
    @ResponseStatus(HttpStatus.CREATED)
    HearingService.Hearing schedule(@PathVariable String number,
            @RequestBody(required = false) HearingService.Schedule in) {
        return hearings.schedule(number, in, CurrentActor.get());
    }

    @GetMapping("/api/v1/cases/{number}/hearings")
    List<HearingService.Hearing> ofCase(@PathVariable String number) {
        return hearings.list(CurrentActor.get(), number);
    }

    @GetMapping("/api/v1/hearings")
    List<HearingService.Hearing> list(@RequestParam(required = false) String caseNumber) {
        return hearings.list(CurrentActor.get(), caseNumber);
    }

    @GetMapping("/api/v1/hearings/{id}")
    HearingService.Hearing get(@PathVariable long id) {
        return hearings.get(id, CurrentActor.get());
    }

    @PostMapping("/api/v1/hearings/{id}/record")
    HearingService.Hearing record(@PathVariable long id, @RequestBody(required = false) HearingService.Record in) {
        return hearings.record(id, in, CurrentActor.get());
    }

    @PostMapping("/api/v1/hearings/{id}/cancellation")
    HearingService.Hearing cancel(@PathVariable long id, @RequestBody(required = false) HearingService.Cancel in) {
        return hearings.cancel(id, in, CurrentActor.get());
    }
}
