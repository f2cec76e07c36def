package cn.yousu.casework.web;

import cn.yousu.casework.CaseSearch;
import cn.yousu.casework.CaseStatus;
import cn.yousu.casework.Channel;
import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.organization.Organization;
import cn.yousu.policy.Categories;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case list (台账 view): filters for status, region, unit, category, channel, date range, overdue and free text;
 * keyset paging; the row count of the filter; only the user's scope — all by {@link CaseSearch}, as the API.
 */
@Controller
class CaseListController {

    private final CaseSearch search;
    private final CaseForms forms;

    CaseListController(CaseSearch search, CaseForms forms) {
        this.search = search;
        this.forms = forms;
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String categoryCode, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String overdue, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String measure, Model model,
            HttpServletRequest request) {
        Actor actor = CurrentActor.get();
        String statuses = status == null ? null : String.join(",", status.stream().filter(s -> !s.isBlank()).toList());
        CaseSearch.Filter filter = new CaseSearch.Filter(blankToNull(statuses), blankToNull(regionCode),
                blankToNull(unitCode), blankToNull(categoryCode), blankToNull(channel),
                "true".equals(overdue) ? "true" : null, blankToNull(from), blankToNull(to), blankToNull(q), "20",
                blankToNull(cursor), "true", blankToNull(measure));
        try {
            model.addAttribute("page", search.search(actor, filter));
            model.addAttribute("measureLabel", filter.measure() == null ? null : search.measureLabel(actor, filter));
            model.addAttribute("errors", FieldErrors.none());
        } catch (ApiProblem problem) {
            model.addAttribute("page", new CaseSearch.Page(List.of(), null, 0L));
            model.addAttribute("errors", FieldErrors.of(problem));
        }
        model.addAttribute("filter", filter);
        model.addAttribute("chosenStatuses", statuses == null ? List.of() : List.of(statuses.split(",")));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", Categories.all());
        model.addAttribute("regions", actor.inUnit() ? List.of() : forms.regionsWithin(actor.regionCode()));
        model.addAttribute("units", actor.inUnit() ? List.<Organization>of() : forms.unitsWithin(actor.regionCode()));
        model.addAttribute("showNames", actor.inOffice() || actor.inGovernment());
        String query = request.getQueryString() == null ? ""
                : request.getQueryString().replaceAll("(^|&)cursor=[^&]*", "");
        // the ledger export (reporting) takes the same filter
        model.addAttribute("ledgerExportUrl", actor.inOffice() || actor.inGovernment() ? "/reports/ledger?" + query : "");
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        model.addAttribute("query", query);
        return Htmx.isHtmx(request) ? "casework/list :: results" : "casework/list";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
