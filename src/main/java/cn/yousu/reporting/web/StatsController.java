package cn.yousu.reporting.web;

import cn.yousu.identity.CurrentActor;
import cn.yousu.reporting.Statistics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicators API (DESIGN §8): {@code /api/v1/stats/...}. */
@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    private final Statistics statistics;

    StatsController(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/indicators")
    Statistics.Report indicators(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String unitCode, @RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return statistics.report(CurrentActor.get(),
                new Statistics.Query(regionCode, unitCode, categoryCode, channel, from, to));
    }
}
