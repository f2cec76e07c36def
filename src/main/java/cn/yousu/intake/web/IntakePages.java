package cn.yousu.intake.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.Role;
import cn.yousu.identity.StaffPages;
import java.util.List;
import org.springframework.stereotype.Component;

/** The registration form in the staff navigation, for intake officers. */
@Component
class IntakePages implements StaffPages {

    @Override
    public List<NavLink> navigation(Actor actor) {
        return actor.inOffice() && actor.has(Role.INTAKE)
                ? List.of(new NavLink(30, "nav.register", "登记诉求", "/register")) : List.of();
    }
}
