package cn.yousu.inspection.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.StaffPages;
import java.util.List;
import org.springframework.stereotype.Component;

/** Inspections for offices and for the units with findings to rectify. */
@Component
class InspectionStaffPages implements StaffPages {

    @Override
    public List<NavLink> navigation(Actor actor) {
        if (actor.inOffice() || actor.inUnit()) {
            return List.of(new NavLink(62, "nav.inspections", "督察", "/inspections"));
        }
        return List.of();
    }
}
