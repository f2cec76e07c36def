package cn.yousu.casework.web;

import cn.yousu.casework.Attachment;
import cn.yousu.casework.Attachments;
import cn.yousu.casework.Case;
import cn.yousu.casework.CaseCommands;
import cn.yousu.casework.CaseRules;
import cn.yousu.casework.CaseSearch;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.CaseView;
import cn.yousu.casework.CaseViews;
import cn.yousu.casework.Dossiers;
import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.shared.ApiProblem;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
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

/** The staff API for cases: read, list, and every action of API.md (each answers the updated case). */
@RestController
@RequestMapping("/api/v1")
class CaseController {

    private final CaseService cases;
    private final CaseSearch search;
    private final CaseViews views;
    private final Attachments attachments;
    private final Dossiers dossiers;

    CaseController(CaseService cases, CaseSearch search, CaseViews views, Attachments attachments, Dossiers dossiers) {
        this.cases = cases;
        this.search = search;
        this.views = views;
        this.attachments = attachments;
        this.dossiers = dossiers;
    }

    @GetMapping("/cases")
    CaseSearch.Page list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String categoryCode, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String overdue, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String q,
            @RequestParam(required = false) String size, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String count, @RequestParam(required = false) String measure) {
        return search.search(CurrentActor.get(), new CaseSearch.Filter(status, regionCode, unitCode, categoryCode,
                channel, overdue, from, to, q, size, cursor, count, measure));
    }

    @GetMapping("/cases/{number}")
    CaseView get(@PathVariable String number) {
        Actor actor = CurrentActor.get();
        return view(cases.get(number, actor), actor);
    }

    @PostMapping("/cases/{number}/accept")
    CaseView accept(@PathVariable String number, @RequestBody(required = false) CaseCommands.Accept body) {
        return view(cases.accept(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/reject")
    CaseView reject(@PathVariable String number, @RequestBody(required = false) CaseCommands.Reject body) {
        return view(cases.reject(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/transfer-out")
    CaseView transferOut(@PathVariable String number, @RequestBody(required = false) CaseCommands.TransferOut body) {
        return view(cases.transferOut(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/answer")
    CaseView answer(@PathVariable String number, @RequestBody(required = false) CaseCommands.Answer body) {
        return view(cases.answer(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/assign")
    CaseView assign(@PathVariable String number, @RequestBody(required = false) CaseCommands.Assign body) {
        return view(cases.assign(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/transfer-down")
    CaseView transferDown(@PathVariable String number,
            @RequestBody(required = false) CaseCommands.TransferDown body) {
        return view(cases.transferDown(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/sign")
    CaseView sign(@PathVariable String number) {
        return view(cases.sign(number, CurrentActor.get()));
    }

    @PostMapping("/cases/{number}/return")
    CaseView returnToOffice(@PathVariable String number, @RequestBody(required = false) CaseCommands.Return body) {
        return view(cases.returnToOffice(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/initial-reply")
    CaseView initialReply(@PathVariable String number,
            @RequestBody(required = false) CaseCommands.InitialReply body) {
        return view(cases.initialReply(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/cooperate")
    CaseView cooperate(@PathVariable String number, @RequestBody(required = false) CaseCommands.Cooperate body) {
        return view(cases.cooperate(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/request-extension")
    CaseView requestExtension(@PathVariable String number,
            @RequestBody(required = false) CaseCommands.RequestExtension body) {
        return view(cases.requestExtension(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/decide-extension")
    CaseView decideExtension(@PathVariable String number,
            @RequestBody(required = false) CaseCommands.DecideExtension body) {
        return view(cases.decideExtension(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/suspend")
    CaseView suspend(@PathVariable String number, @RequestBody(required = false) CaseCommands.Suspend body) {
        return view(cases.suspend(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/resume")
    CaseView resume(@PathVariable String number, @RequestBody(required = false) CaseCommands.Resume body) {
        return view(cases.resume(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/draft-result")
    CaseView draftResult(@PathVariable String number, @RequestBody(required = false) CaseCommands.DraftResult body) {
        return view(cases.draftResult(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/sign-off")
    CaseView signOff(@PathVariable String number, @RequestBody(required = false) CaseCommands.SignOff body) {
        return view(cases.signOff(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/review")
    CaseView review(@PathVariable String number, @RequestBody(required = false) CaseCommands.Review body) {
        return view(cases.review(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/visit")
    CaseView visit(@PathVariable String number, @RequestBody(required = false) CaseCommands.Visit body) {
        return view(cases.visit(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/explain")
    CaseView explain(@PathVariable String number, @RequestBody(required = false) CaseCommands.Explain body) {
        return view(cases.explain(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/conclude")
    CaseView conclude(@PathVariable String number, @RequestBody(required = false) CaseCommands.Conclude body) {
        return view(cases.conclude(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/supervise")
    CaseView supervise(@PathVariable String number, @RequestBody(required = false) CaseCommands.Supervise body) {
        return view(cases.supervise(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/reply-supervision")
    CaseView replySupervision(@PathVariable String number,
            @RequestBody(required = false) CaseCommands.ReplySupervision body) {
        return view(cases.replySupervision(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/refer")
    CaseView refer(@PathVariable String number, @RequestBody(required = false) CaseCommands.Refer body) {
        return view(cases.refer(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/terminate")
    CaseView terminate(@PathVariable String number, @RequestBody(required = false) CaseCommands.Terminate body) {
        return view(cases.terminate(number, CurrentActor.get(), body));
    }

    @PostMapping("/cases/{number}/archive")
    CaseView archive(@PathVariable String number) {
        return view(cases.archive(number, CurrentActor.get()));
    }

    /** The archived dossier: the case as it stood when archived, with the SHA-256 recorded on its timeline. */
    @GetMapping("/cases/{number}/dossier")
    Dossiers.Dossier dossier(@PathVariable String number) {
        Case c = cases.get(number, CurrentActor.get());
        return dossiers.of(c.id()).orElseThrow(() -> ApiProblem.notFound("该案件尚未归档"));
    }

    record AttachmentAnswer(String id, String filename, String contentType, long sizeBytes, String sha256) {
        static AttachmentAnswer of(Attachment a) {
            return new AttachmentAnswer(a.id(), a.filename(), a.contentType(), a.sizeBytes(), a.sha256());
        }
    }

    /** Uploads evidence or a power of attorney for a registration (multipart field {@code file}). */
    @PostMapping(value = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentAnswer upload(@RequestParam("file") MultipartFile file) throws IOException {
        Actor actor = CurrentActor.get();
        return AttachmentAnswer.of(attachments.upload(file.getOriginalFilename(), file.getBytes(), actor.username()));
    }

    /** Downloads an attachment of a case the caller may see. */
    @GetMapping("/cases/{number}/attachments/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable String number, @PathVariable String id)
            throws IOException {
        return AttachmentDownload.of(cases.get(number, CurrentActor.get()), id, attachments);
    }

    private CaseView view(Case c) {
        return view(c, CurrentActor.get());
    }

    private CaseView view(Case c, Actor actor) {
        CaseRules rules = cases.rules();
        return views.staff(c, actor, rules, cases.timeline(c));
    }
}
