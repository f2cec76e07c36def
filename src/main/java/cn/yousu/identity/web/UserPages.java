package cn.yousu.identity.web;

import cn.yousu.identity.Role;
import cn.yousu.identity.SessionActors;
import cn.yousu.identity.UserAccount;
import cn.yousu.identity.UserAccounts;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.OrganizationKind;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff accounts and their roles, for administrators (the same checks as the API's /api/v1/users). */
@Controller
class UserPages {

    private final UserAccounts accounts;
    private final SessionActors actors;
    private final OrganizationDirectory directory;

    UserPages(UserAccounts accounts, SessionActors actors, OrganizationDirectory directory) {
        this.accounts = accounts;
        this.actors = actors;
        this.directory = directory;
    }

    @GetMapping("/admin/users")
    String users(@RequestParam(required = false) String edit, Model model) {
        MultiValueMap<String, String> input = new LinkedMultiValueMap<>();
        if (edit != null) {
            UserAccount a = accounts.find(edit).orElseThrow(() -> ApiProblem.notFound("没有用户 " + edit));
            input.add("username", a.username());
            input.add("displayName", a.displayName());
            input.add("orgCode", a.orgCode());
            a.roles().forEach(r -> input.add("roles", r.name()));
            input.add("phone", a.phone());
            input.add("email", a.email());
            input.add("enabled", String.valueOf(a.enabled()));
        } else {
            input.add("enabled", "true");
        }
        return page(model, input, FieldErrors.none(), edit);
    }

    @PostMapping("/admin/users")
    String save(@RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) String editing,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String fixed = editing == null || editing.isBlank() ? null : editing;
        try {
            UserAccounts.AccountDraft draft = FormBinding.bind(form, UserAccounts.AccountDraft.class);
            UserAccount saved = fixed == null ? accounts.create(draft) : accounts.update(fixed, draft);
            actors.evict(saved.username());
            redirect.addFlashAttribute("flash", (fixed == null ? "已添加用户：" : "已保存用户：") + saved.username());
            return "redirect:/admin/users";
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            return page(model, form, FieldErrors.of(problem), fixed);
        }
    }

    private String page(Model model, MultiValueMap<String, String> input, FieldErrors errors, String editing) {
        Map<String, String> orgNames = new LinkedHashMap<>();
        directory.organizations().forEach(o -> orgNames.put(o.code(), o.name()));
        model.addAttribute("users", accounts.list());
        model.addAttribute("orgNames", orgNames);
        model.addAttribute("organizations", directory.organizations().stream()
                .filter(o -> o.active() || o.kind() == OrganizationKind.SYSTEM).toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", editing);
        return "identity/users";
    }
}
