package cn.yousu.intake.web;

import cn.yousu.casework.CaseService;
import cn.yousu.casework.Channel;
import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.identity.Role;
import cn.yousu.intake.IntakeService;
import cn.yousu.intake.RegistrationRequest;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.Region;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registration by the office of a case received by phone, letter, window, visit or another channel, with the same
 * checks as the API (IntakeService) and the messages next to the fields; the tracking code is shown once, to be
 * passed on to the complainant.
 */
@Controller
class RegistrationPageController {

    private final IntakeService intake;
    private final IntakeForms forms;
    private final OrganizationDirectory directory;

    RegistrationPageController(IntakeService intake, IntakeForms forms, OrganizationDirectory directory) {
        this.intake = intake;
        this.forms = forms;
        this.directory = directory;
    }

    @GetMapping("/register")
    String form(Model model) {
        Actor actor = intakeOfficer();
        MultiValueMap<String, String> input = new LinkedMultiValueMap<>();
        input.add("channel", Channel.HOTLINE.name());
        input.add("kind", "COMPLAINT");
        input.add("regionCode", actor.regionCode());
        input.add("complainant.type", "ENTERPRISE");
        describe(model, actor, input, FieldErrors.none());
        return "intake/register";
    }

    @PostMapping("/register")
    String register(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = intakeOfficer();
        CaseService.Registered registered;
        try {
            registered = intake.registerByStaff(FormBinding.bind(form, RegistrationRequest.class), actor);
        } catch (ApiProblem problem) {
            if (problem.status() != HttpStatus.BAD_REQUEST) {
                throw problem;
            }
            describe(model, actor, form, FieldErrors.of(problem));
            response.setStatus(400);
            return "intake/register";
        }
        String number = registered.registered().number();
        redirect.addFlashAttribute("flash", "已登记，诉求编号 " + number + "，查询码 " + registered.trackingCode()
                + "（仅显示这一次，请告知诉求人，用于查询进度）");
        return "redirect:/cases/" + number;
    }

    private void describe(Model model, Actor actor, MultiValueMap<String, String> input, FieldErrors errors) {
        forms.describe(model, input, errors);
        Region mine = directory.region(actor.regionCode()).orElseThrow();
        model.addAttribute("regions", forms.regionsWithOffice().stream().filter(mine::contains).toList());
        model.addAttribute("channels", Arrays.stream(Channel.values())
                .filter(c -> c != Channel.PORTAL && c != Channel.QR_CODE).toList());
    }

    private static Actor intakeOfficer() {
        Actor actor = CurrentActor.get();
        if (!actor.inOffice() || !actor.has(Role.INTAKE)) {
            throw ApiProblem.forbidden("只有营商办受理员可以登记诉求");
        }
        return actor;
    }
}
