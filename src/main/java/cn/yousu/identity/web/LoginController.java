package cn.yousu.identity.web;

import cn.yousu.identity.CurrentActor;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the form posts to Spring Security's /login); in the demo profile it lists the demo accounts. */
@Controller
class LoginController {

    private final boolean demo;

    LoginController(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    record DemoAccount(String username, String who) {
    }

    static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("office", "示范市营商办：受理、交办、审核、回访、督办"),
            new DemoAccount("scjg", "市市场监管局 经办人"),
            new DemoAccount("scjg-head", "市市场监管局 单位负责人"),
            new DemoAccount("sw", "市税务局 经办人"),
            new DemoAccount("leader", "示范市人民政府 领导"),
            new DemoAccount("dc-office", "东城区营商办"),
            new DemoAccount("dc-scjg", "东城区市场监管局 经办人"),
            new DemoAccount("admin", "系统管理员"));

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String timeout,
            @RequestParam(required = false) String logout, Model model) {
        if (CurrentActor.find().isPresent() && error == null) {
            return "redirect:/workbench";
        }
        if (error != null) {
            model.addAttribute("problem", "throttled".equals(error) ? "login.throttled" : "login.failed");
        } else if (timeout != null) {
            model.addAttribute("notice", "login.timeout");
        } else if (logout != null) {
            model.addAttribute("notice", "login.loggedOut");
        }
        model.addAttribute("demoAccounts", demo ? DEMO_ACCOUNTS : List.of());
        return "identity/login";
    }
}
