package cn.yousu.notification.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.identity.StaffPages;
import cn.yousu.notification.Inbox;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox page and the unread count in the header of every staff page. */
@Controller
class InboxPages implements StaffPages {

    private final Inbox inbox;
    private final java.time.ZoneId zone;

    InboxPages(Inbox inbox, java.time.ZoneId applicationZone) {
        this.inbox = inbox;
        this.zone = applicationZone;
    }

    @Override
    public List<NavLink> navigation(Actor actor) {
        return List.of(new NavLink(40, "nav.notifications", "通知", "/notifications"));
    }

    @Override
    public List<HeaderBadge> badges(Actor actor) {
        long unread = inbox.unread(actor.username());
        return List.of(new HeaderBadge("badge.unread", "未读通知", "/notifications?unread=true", unread,
                unread > 0 ? "warning" : "info"));
    }

    @GetMapping("/notifications")
    String page(@RequestParam(defaultValue = "false") boolean unread, Model model) {
        String me = CurrentActor.get().username();
        model.addAttribute("items", inbox.list(me, unread, 100));
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("zone", zone);
        model.addAttribute("unread", inbox.unread(me));
        return "notification/inbox";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, @RequestParam(defaultValue = "false") boolean unread) {
        inbox.markRead(CurrentActor.get().username(), id);
        return "redirect:/notifications" + (unread ? "?unread=true" : "");
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        inbox.markAllRead(CurrentActor.get().username());
        return "redirect:/notifications";
    }
}
