package cn.yousu.reporting.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.reporting.HotTopics;
import cn.yousu.reporting.Rankings;
import cn.yousu.reporting.Statistics;
import cn.yousu.shared.ApiProblem;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicators API (DESIGN §8): {@code /api/v1/stats/...}. */
@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    private final Statistics statistics;
    private final Rankings rankings;
    private final HotTopics hotTopics;

    StatsController(Statistics statistics, Rankings rankings, HotTopics hotTopics) {
        this.statistics = statistics;
        this.rankings = rankings;
        this.hotTopics = hotTopics;
    }

    /** 解决一件事，破解一类事: what recurs among the period's cases, each with its cases. */
    @GetMapping("/hot-topics")
    HotTopics.Topics hotTopics(StatsQuery query) {
        return hotTopics.of(statistics.check(CurrentActor.get(), query.query()));
    }

    @GetMapping("/indicators")
    Statistics.Report indicators(StatsQuery query) {
        return statistics.report(CurrentActor.get(), query.query());
    }

    /** {@code kind} = {@code county} (the monthly county ranking) or {@code unit} (the unit evaluation). */
    @GetMapping("/rankings")
    Rankings.Ranking ranking(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String month) {
        Actor actor = CurrentActor.get();
        return switch (kind == null ? "county" : kind) {
            case "county" -> rankings.counties(actor, regionCode, statistics.month(month));
            case "unit" -> rankings.units(actor, regionCode, statistics.month(month));
            default -> throw ApiProblem.invalid("kind", "应为 county（县区排名）或 unit（单位评价）");
        };
    }

    @GetMapping("/rankings.xlsx")
    ResponseEntity<byte[]> rankingExport(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String month) throws IOException {
        return RankingWorkbook.download(rankings, CurrentActor.get(), regionCode, statistics.month(month));
    }
}

/** The filter of the indicators as a query string gives it. */
record StatsQuery(String regionCode, String unitCode, String categoryCode, String channel, String from, String to) {

    Statistics.Query query() {
        return new Statistics.Query(regionCode, unitCode, categoryCode, channel, from, to);
    }
}
