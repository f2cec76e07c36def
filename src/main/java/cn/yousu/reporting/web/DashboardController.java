package cn.yousu.reporting.web;

import cn.yousu.casework.Channel;
import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.Region;
import cn.yousu.policy.Categories;
import cn.yousu.reporting.Dashboard;
import cn.yousu.reporting.Rankings;
import cn.yousu.reporting.Statistics;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard ({@code /reports}): the indicators with their definitions and the cases behind each, this month's
 * county ranking, the charts (ECharts, drawn by {@code /assets/reports.js} from data attributes) and hot topics;
 * and the ranking page ({@code /reports/ranking}) with the county ranking, the unit evaluation and their export.
 */
@Controller
class DashboardController {

    private final Dashboard dashboard;
    private final Rankings rankings;
    private final Statistics statistics;
    private final OrganizationDirectory directory;
    private final JsonMapper json;

    DashboardController(Dashboard dashboard, Rankings rankings, Statistics statistics, OrganizationDirectory directory,
            JsonMapper json) {
        this.dashboard = dashboard;
        this.rankings = rankings;
        this.statistics = statistics;
        this.directory = directory;
        this.json = json;
    }

    @GetMapping("/reports")
    String dashboard(StatsQuery query, Model model) {
        Actor actor = CurrentActor.get();
        options(actor, model);
        try {
            Dashboard.View view = dashboard.of(actor, query.query());
            model.addAttribute("view", view);
            model.addAttribute("charts", view.charts().stream().map(c -> new ChartData(c, json.writeValueAsString(c)))
                    .toList());
            model.addAttribute("errors", FieldErrors.none());
            if (!actor.inUnit()) {
                model.addAttribute("ranking", rankings.counties(actor, view.filter().regionCode(),
                        statistics.month(null)));
            }
        } catch (ApiProblem problem) {
            if (problem.status().value() == 403) {
                throw problem;
            }
            model.addAttribute("errors", FieldErrors.of(problem));
        }
        model.addAttribute("query", query);
        return "reporting/dashboard";
    }

    /** A chart and its data as JSON for the data attribute the script reads. */
    record ChartData(Dashboard.Chart chart, String json) {
    }

    @GetMapping("/reports/ranking")
    String ranking(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String month,
            Model model) {
        Actor actor = CurrentActor.get();
        YearMonth m = statistics.month(month);
        model.addAttribute("month", m);
        model.addAttribute("regionCode", regionCode);
        model.addAttribute("counties", rankings.counties(actor, regionCode, m));
        model.addAttribute("units", rankings.units(actor, regionCode, m));
        model.addAttribute("regions", regions(actor));
        return "reporting/ranking";
    }

    @GetMapping("/reports/ranking.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String month) throws java.io.IOException {
        return RankingWorkbook.download(rankings, CurrentActor.get(), regionCode, statistics.month(month));
    }

    private void options(Actor actor, Model model) {
        model.addAttribute("regions", regions(actor));
        model.addAttribute("units", actor.inUnit() || actor.regionCode() == null ? List.of()
                : directory.unitsWithin(actor.regionCode()));
        model.addAttribute("categories", Categories.all());
        model.addAttribute("channels", Channel.values());
    }

    private List<Region> regions(Actor actor) {
        Region mine = actor.regionCode() == null ? null : directory.region(actor.regionCode()).orElse(null);
        return mine == null || actor.inUnit() ? List.of() : directory.regions().stream().filter(mine::contains).toList();
    }
}
