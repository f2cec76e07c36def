package cn.yousu.monitoring.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.Role;
import cn.yousu.identity.StaffPages;
import cn.yousu.monitoring.MonitoringService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The registry for office staff, with a badge counting the members the dynamic-exit rules flag; "my reports" for
 * monitoring points and supervisors.
 */
@Component
class MonitoringStaffPages implements StaffPages {

    private final MonitoringService monitoring;

    MonitoringStaffPages(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public List<NavLink> navigation(Actor actor) {
        if (actor.inOffice()) {
            return List.of(new NavLink(60, "nav.monitoring", "监测点与监督员", "/monitoring"));
        }
        if (actor.has(Role.MONITOR)) {
            return List.of(new NavLink(15, "nav.monitoring.me", "我的报送", "/monitoring/me"));
        }
        return List.of();
    }

    @Override
    public List<HeaderBadge> badges(Actor actor) {
        if (!actor.inOffice()) {
            return List.of();
        }
        int flagged = monitoring.exitFlags(actor).size();
        return flagged == 0 ? List.of() : List.of(new HeaderBadge("badge.monitoring.exit", "待评估退出",
                "/monitoring/quotas", flagged, "warning"));
    }
}
