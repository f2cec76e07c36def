package cn.yousu.intake.web;

import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.policy.Categories;
import cn.yousu.policy.Policy;
import cn.yousu.policy.RejectionReason;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public portal's home (what may be complained about and what not, the channels and phone numbers, the QR
 * code that opens the portal) and the complaint contact directory of every office and unit (Huanren's table).
 */
@Controller
class PortalController {

    private final OrganizationDirectory directory;
    private final Policy policy;
    private final PublicAddress address;

    PortalController(OrganizationDirectory directory, Policy policy, PublicAddress address) {
        this.directory = directory;
        this.policy = policy;
        this.address = address;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String channel, Model model, HttpServletRequest request) {
        model.addAttribute("categories", Categories.all());
        model.addAttribute("notAccepted", Arrays.stream(RejectionReason.values())
                .filter(r -> r != RejectionReason.ANONYMOUS && r != RejectionReason.OTHER).toList());
        model.addAttribute("anonymousAccepted", policy.anonymousAccepted());
        model.addAttribute("offices", offices());
        model.addAttribute("channel", "QR_CODE".equals(channel) ? "QR_CODE" : null);
        model.addAttribute("qr", address.qr(request, "/?channel=QR_CODE", "扫码打开营商环境投诉平台"));
        model.addAttribute("portalUrl", address.base(request) + "/");
        model.addAttribute("policyName", policy.name());
        return "intake/home";
    }

    @GetMapping("/public/units")
    String directory(Model model) {
        model.addAttribute("offices", offices());
        model.addAttribute("unitsByRegion", directory.regions().stream()
                .map(r -> new RegionUnits(r.name(), directory.unitsIn(r.code())))
                .filter(r -> !r.units().isEmpty()).toList());
        return "intake/units";
    }

    record RegionUnits(String regionName, List<Organization> units) {
    }

    private List<Organization> offices() {
        return directory.organizations().stream().filter(o -> o.isOffice() && o.active())
                .sorted(Comparator.comparing(o -> directory.region(o.regionCode()).map(r -> r.path()).orElse("")))
                .toList();
    }
}
