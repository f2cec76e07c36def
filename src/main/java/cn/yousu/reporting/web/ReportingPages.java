package cn.yousu.reporting.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.StaffPages;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The dashboard and the rankings in the staff navigation. */
@Component
class ReportingPages implements StaffPages {

    @Override
    public List<NavLink> navigation(Actor actor) {
        List<NavLink> links = new ArrayList<>();
        if (actor.inOffice() || actor.inGovernment() || actor.inUnit()) {
            links.add(new NavLink(50, "nav.reports", "统计分析", "/reports"));
        }
        if (actor.inOffice() || actor.inGovernment()) {
            links.add(new NavLink(51, "nav.ranking", "排名评价", "/reports/ranking"));
        }
        return links;
    }
}
