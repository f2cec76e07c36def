package cn.yousu.intake.web;

import cn.yousu.casework.CaseService;
import cn.yousu.casework.CaseView;
import cn.yousu.casework.CaseViews;
import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.intake.IntakeService;
import cn.yousu.intake.RegistrationRequest;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff registration of a case received by any channel (POST /api/v1/cases). */
@RestController
@RequestMapping("/api/v1/cases")
class RegistrationController {

    private final IntakeService intake;
    private final CaseService cases;
    private final CaseViews views;

    RegistrationController(IntakeService intake, CaseService cases, CaseViews views) {
        this.intake = intake;
        this.cases = cases;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<CaseView> register(@RequestBody(required = false) RegistrationRequest request) {
        Actor actor = CurrentActor.get();
        CaseService.Registered registered = intake.registerByStaff(request, actor);
        CaseView view = views.staff(registered.registered(), actor, cases.rules(),
                cases.timeline(registered.registered()), registered.trackingCode());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + view.number())).body(view);
    }
}
