package cn.yousu.exposure.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.StaffPages;
import java.util.List;
import org.springframework.stereotype.Component;

/** The exposure board in the offices' navigation. */
@Component
class ExposureStaffPages implements StaffPages {

    @Override
    public List<NavLink> navigation(Actor actor) {
        return actor.inOffice() ? List.of(new NavLink(64, "nav.exposure", "曝光台", "/exposure")) : List.of();
    }
}
