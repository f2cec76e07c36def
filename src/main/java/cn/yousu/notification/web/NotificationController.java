package cn.yousu.notification.web;

import cn.yousu.identity.CurrentActor;
import cn.yousu.notification.Inbox;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's inbox: list, unread count, mark read. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Inbox inbox;
    private final ZoneId zone;

    NotificationController(Inbox inbox, ZoneId applicationZone) {
        this.inbox = inbox;
        this.zone = applicationZone;
    }

    record ItemView(long id, String template, String title, String body, String caseNumber, OffsetDateTime createdAt,
            OffsetDateTime readAt) {
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") int limit) {
        String me = CurrentActor.get().username();
        List<ItemView> items = inbox.list(me, unread, limit).stream().map(i -> new ItemView(i.id(),
                i.template().name(), i.title(), i.body(), i.caseNumber(), at(i.createdAt()), at(i.readAt()))).toList();
        return Map.of("unread", inbox.unread(me), "items", items);
    }

    @PostMapping("/{id}/read")
    Map<String, Object> read(@PathVariable long id) {
        String me = CurrentActor.get().username();
        inbox.markRead(me, id);
        return Map.of("unread", inbox.unread(me));
    }

    @PostMapping("/read-all")
    Map<String, Object> readAll() {
        String me = CurrentActor.get().username();
        inbox.markAllRead(me);
        return Map.of("unread", inbox.unread(me));
    }

    private OffsetDateTime at(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
