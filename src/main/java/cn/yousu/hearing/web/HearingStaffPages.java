package cn.yousu.hearing.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.StaffPages;
import java.util.List;
import org.springframework.stereotype.Component;

/** Hearings in the offices' navigation. */
@Component
class HearingStaffPages implements StaffPages {

    @Override
    public List<NavLink> navigation(Actor actor) {
        return actor.inOffice() ? List.of(new NavLink(66, "nav.hearings", "听证", "/hearings")) : List.of();
    }
}
