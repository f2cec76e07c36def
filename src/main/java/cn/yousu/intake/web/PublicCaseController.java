package cn.yousu.intake.web;

import cn.yousu.casework.Attachment;
import cn.yousu.casework.Attachments;
import cn.yousu.casework.Case;
import cn.yousu.casework.CaseCommands;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.CaseViews;
import cn.yousu.casework.PublicCaseView;
import cn.yousu.identity.Actor;
import cn.yousu.intake.IntakeService;
import cn.yousu.intake.RegistrationRequest;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public side (no login; rate limited per address): submit, track by number and tracking code, add material,
 * withdraw, evaluate, escalate. A wrong number or code answers 404 without saying which was wrong.
 */
@RestController
@RequestMapping("/api/v1/public")
class PublicCaseController {

    private final IntakeService intake;
    private final CaseService cases;
    private final CaseViews views;
    private final Attachments attachments;
    private final RateLimiter submissions;
    private final RateLimiter lookups;
    private final RateLimiter uploads;

    PublicCaseController(IntakeService intake, CaseService cases, CaseViews views, Attachments attachments,
            @Value("${yousu.public.submissions-per-hour:20}") int submissionsPerHour,
            @Value("${yousu.public.lookups-per-minute:60}") int lookupsPerMinute,
            @Value("${yousu.public.uploads-per-hour:60}") int uploadsPerHour) {
        this.intake = intake;
        this.cases = cases;
        this.views = views;
        this.attachments = attachments;
        this.submissions = new RateLimiter(submissionsPerHour, Duration.ofHours(1));
        this.lookups = new RateLimiter(lookupsPerMinute, Duration.ofMinutes(1));
        this.uploads = new RateLimiter(uploadsPerHour, Duration.ofHours(1));
    }

    record Receipt(String number, String trackingCode, String status, String statusName, String trackingUrl) {
    }

    @PostMapping("/cases")
    ResponseEntity<Receipt> submit(@RequestBody(required = false) RegistrationRequest request,
            HttpServletRequest http) {
        submissions.acquire(http.getRemoteAddr());
        CaseService.Registered registered = intake.submitPublicly(request);
        Case c = registered.registered();
        String url = "/track?number=" + c.number();
        return ResponseEntity.created(URI.create("/api/v1/public/cases/" + c.number()))
                .body(new Receipt(c.number(), registered.trackingCode(), c.status().name(), c.status().label(), url));
    }

    @GetMapping("/cases/{number}")
    PublicCaseView track(@PathVariable String number, @RequestParam(required = false) String code,
            HttpServletRequest http) {
        lookups.acquire(http.getRemoteAddr());
        Case c = cases.getForComplainant(number, required(code));
        return views.publicView(c, cases.rules(), cases.timeline(c));
    }

    @PostMapping("/cases/{number}/materials")
    PublicCaseView addMaterial(@PathVariable String number, @RequestParam(required = false) String code,
            @RequestBody(required = false) CaseCommands.Material body, HttpServletRequest http) {
        lookups.acquire(http.getRemoteAddr());
        return view(cases.addMaterial(number, required(code), body));
    }

    @PostMapping("/cases/{number}/withdraw")
    PublicCaseView withdraw(@PathVariable String number, @RequestParam(required = false) String code,
            @RequestBody(required = false) CaseCommands.Withdraw body, HttpServletRequest http) {
        lookups.acquire(http.getRemoteAddr());
        return view(cases.withdraw(number, required(code), body));
    }

    @PostMapping("/cases/{number}/evaluate")
    PublicCaseView evaluate(@PathVariable String number, @RequestParam(required = false) String code,
            @RequestBody(required = false) CaseCommands.Evaluate body, HttpServletRequest http) {
        lookups.acquire(http.getRemoteAddr());
        return view(cases.evaluate(number, required(code), body));
    }

    @PostMapping("/cases/{number}/escalate")
    PublicCaseView escalate(@PathVariable String number, @RequestParam(required = false) String code,
            @RequestBody(required = false) CaseCommands.Escalate body, HttpServletRequest http) {
        lookups.acquire(http.getRemoteAddr());
        return view(cases.escalate(number, required(code), body));
    }

    record AttachmentAnswer(String id, String filename, String contentType, long sizeBytes) {
    }

    /** Evidence or a power of attorney for a submission or a material (multipart field {@code file}). */
    @PostMapping(value = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentAnswer upload(@RequestParam("file") MultipartFile file, HttpServletRequest http) throws IOException {
        uploads.acquire(http.getRemoteAddr());
        Attachment a = attachments.upload(file.getOriginalFilename(), file.getBytes(), Actor.COMPLAINANT);
        return new AttachmentAnswer(a.id(), a.filename(), a.contentType(), a.sizeBytes());
    }

    private PublicCaseView view(Case c) {
        return views.publicView(c, cases.rules(), cases.timeline(c));
    }

    private static String required(String code) {
        if (code == null || code.isBlank()) {
            throw ApiProblem.invalid("code", "查询码不能为空");
        }
        return code;
    }
}
