package cn.yousu.casework.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.StaffPages;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The workbench and the case list in the staff navigation. */
@Component
class CaseworkPages implements StaffPages {

    @Override
    public List<NavLink> navigation(Actor actor) {
        List<NavLink> links = new ArrayList<>();
        links.add(new NavLink(10, "nav.workbench", "我的工作台", "/workbench"));
        if (actor.inOffice() || actor.inUnit() || actor.inGovernment()) {
            links.add(new NavLink(20, "nav.cases", "案件台账", "/cases"));
        }
        return links;
    }
}
