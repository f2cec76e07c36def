package cn.yousu.identity.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.Role;
import cn.yousu.identity.StaffPages;
import java.util.List;
import org.springframework.stereotype.Component;

/** The administration pages in the navigation, for administrators (the pages live with their modules). */
@Component
class AdministrationPages implements StaffPages {

    @Override
    public List<NavLink> navigation(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            return List.of();
        }
        return List.of(new NavLink(90, "nav.admin.regions", "区域", "/admin/regions"),
                new NavLink(91, "nav.admin.units", "单位", "/admin/units"),
                new NavLink(92, "nav.admin.users", "用户", "/admin/users"),
                new NavLink(93, "nav.admin.policy", "政策", "/admin/policy"),
                new NavLink(94, "nav.admin.calendar", "工作日历", "/admin/calendar"));
    }
}
