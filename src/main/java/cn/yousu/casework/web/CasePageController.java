package cn.yousu.casework.web;

import cn.yousu.casework.Attachments;
import cn.yousu.casework.Case;
import cn.yousu.casework.CaseAction;
import cn.yousu.casework.CaseCommands;
import cn.yousu.casework.CaseRules;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.CaseView;
import cn.yousu.casework.CaseViews;
import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.shared.web.FormBinding;
import cn.yousu.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page: every field the user may see, attachments, screening suggestions, the full timeline and exactly
 * the actions {@link Case#allowedActions} offers, each as a form. An action answers htmx with the whole case
 * section redrawn (or, when refused, its form with the messages next to the fields); without script it redirects
 * back to the page. Reading a case costs three queries: the case, its timeline, its attachments.
 */
@Controller
class CasePageController {

    private final CaseService cases;
    private final CaseViews views;
    private final Attachments attachments;
    private final CaseForms forms;

    CasePageController(CaseService cases, CaseViews views, Attachments attachments, CaseForms forms) {
        this.cases = cases;
        this.views = views;
        this.attachments = attachments;
        this.forms = forms;
    }

    @GetMapping("/cases/{number}")
    String page(@PathVariable String number, Model model) {
        Actor actor = CurrentActor.get();
        show(cases.get(number, actor), actor, model, null, FieldErrors.none(), null);
        return "casework/case";
    }

    @PostMapping("/cases/{number}/actions/{name}")
    String act(@PathVariable String number, @PathVariable String name,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        CaseAction action = CaseAction.byApiName(name).filter(a -> a.party() != CaseAction.Party.COMPLAINANT)
                .orElseThrow(() -> ApiProblem.notFound("没有这个操作：" + name));
        boolean htmx = Htmx.isHtmx(request);
        Case changed;
        try {
            changed = perform(action, number, actor, form);
        } catch (ApiProblem problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            Case current = cases.get(number, actor);
            show(current, actor, model, action, FieldErrors.of(problem), form);
            if (htmx) {
                Htmx.retarget(response, "#form-" + action.apiName());
                return "casework/actions :: form";
            }
            response.setStatus(problem.status().value());
            return "casework/case";
        }
        String done = "已" + action.label() + "。";
        if (!changed.visibleTo(actor, cases.rules())) {
            // the case left the user's scope (returned by the unit, say): back to the workbench
            String message = done + changed.number() + " 已不在您的处理范围内。";
            if (htmx) {
                Htmx.redirect(request, response, "/workbench", message);
                return Htmx.NOTHING;
            }
            redirect.addFlashAttribute("flash", message);
            return "redirect:/workbench";
        }
        if (htmx) {
            show(changed, actor, model, null, FieldErrors.none(), null);
            model.addAttribute("done", done);
            return "casework/case :: case";
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:/cases/" + changed.number();
    }

    /** Downloads an attachment of a case the user may see. */
    @GetMapping("/cases/{number}/attachments/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable String number, @PathVariable String id)
            throws IOException {
        return AttachmentDownload.of(cases.get(number, CurrentActor.get()), id, attachments);
    }

    private void show(Case c, Actor actor, Model model, CaseAction failed, FieldErrors errors,
            MultiValueMap<String, String> input) {
        CaseRules rules = cases.rules();
        CaseView view = views.staff(c, actor, rules, cases.timeline(c));
        model.addAttribute("c", view);
        model.addAttribute("failed", failed == null ? null : failed.apiName());
        model.addAttribute("action", failed == null ? null : failed.apiName());
        model.addAttribute("errors", errors);
        model.addAttribute("input", input == null ? new org.springframework.util.LinkedMultiValueMap<>() : input);
        forms.describe(c, view, rules, model);
    }

    private Case perform(CaseAction action, String n, Actor a, MultiValueMap<String, String> f) {
        return switch (action) {
            case ACCEPT -> cases.accept(n, a, FormBinding.bind(f, CaseCommands.Accept.class));
            case REJECT -> cases.reject(n, a, FormBinding.bind(f, CaseCommands.Reject.class));
            case TRANSFER_OUT -> cases.transferOut(n, a, FormBinding.bind(f, CaseCommands.TransferOut.class));
            case ANSWER -> cases.answer(n, a, FormBinding.bind(f, CaseCommands.Answer.class));
            case ASSIGN -> cases.assign(n, a, FormBinding.bind(f, CaseCommands.Assign.class));
            case TRANSFER_DOWN -> cases.transferDown(n, a, FormBinding.bind(f, CaseCommands.TransferDown.class));
            case SIGN -> cases.sign(n, a);
            case RETURN -> cases.returnToOffice(n, a, FormBinding.bind(f, CaseCommands.Return.class));
            case INITIAL_REPLY -> cases.initialReply(n, a, FormBinding.bind(f, CaseCommands.InitialReply.class));
            case COOPERATE -> cases.cooperate(n, a, FormBinding.bind(f, CaseCommands.Cooperate.class));
            case REQUEST_EXTENSION -> cases.requestExtension(n, a,
                    FormBinding.bind(f, CaseCommands.RequestExtension.class));
            case DECIDE_EXTENSION -> cases.decideExtension(n, a,
                    FormBinding.bind(f, CaseCommands.DecideExtension.class));
            case SUSPEND -> cases.suspend(n, a, FormBinding.bind(f, CaseCommands.Suspend.class));
            case RESUME -> cases.resume(n, a, FormBinding.bind(f, CaseCommands.Resume.class));
            case DRAFT_RESULT -> cases.draftResult(n, a, FormBinding.bind(f, CaseCommands.DraftResult.class));
            case SIGN_OFF -> cases.signOff(n, a, FormBinding.bind(f, CaseCommands.SignOff.class));
            case REVIEW -> cases.review(n, a, FormBinding.bind(f, CaseCommands.Review.class));
            case VISIT -> cases.visit(n, a, FormBinding.bind(f, CaseCommands.Visit.class));
            case EXPLAIN -> cases.explain(n, a, FormBinding.bind(f, CaseCommands.Explain.class));
            case CONCLUDE -> cases.conclude(n, a, FormBinding.bind(f, CaseCommands.Conclude.class));
            case SUPERVISE -> cases.supervise(n, a, FormBinding.bind(f, CaseCommands.Supervise.class));
            case REPLY_SUPERVISION -> cases.replySupervision(n, a,
                    FormBinding.bind(f, CaseCommands.ReplySupervision.class));
            case REFER -> cases.refer(n, a, FormBinding.bind(f, CaseCommands.Refer.class));
            case TERMINATE -> cases.terminate(n, a, FormBinding.bind(f, CaseCommands.Terminate.class));
            case ARCHIVE -> cases.archive(n, a);
            case ADD_MATERIAL, WITHDRAW, EVALUATE, ESCALATE -> throw ApiProblem.notFound("没有这个操作");
        };
    }
}
