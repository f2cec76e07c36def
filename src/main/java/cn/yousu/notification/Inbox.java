package cn.yousu.notification;

import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.WriteBatch;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff's in-app inbox: what the notifications told each user, unread until they mark it read. */
@Service
public class Inbox {

    /** One notification in a user's inbox. */
    public record Item(long id, Template template, String title, String body, String caseNumber, Instant createdAt,
            Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final WriteBatch writes;
    private final Clock clock;

    Inbox(JdbcClient jdbc, WriteBatch writes, Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.clock = clock;
    }

    /** An item to add to a user's inbox. */
    record NewItem(String username, Template template, String title, String body, String caseNumber) {
    }

    /** Adds the items in the current transaction (one statement, however many cases and users they are for). */
    void addAll(List<NewItem> items) {
        if (items.isEmpty()) {
            return;
        }
        java.time.OffsetDateTime now = Outbox.ts(clock.instant());
        writes.writeRows("""
                INSERT INTO notification_inbox (username, template, title, body, case_number, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", items.stream()
                .map(i -> new Object[] {i.username(), i.template().name(), i.title(), i.body(), i.caseNumber(), now})
                .toList());
    }

    @Transactional(readOnly = true)
    public long unread(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_inbox WHERE username = ? AND read_at IS NULL")
                .param(username).query(Long.class).single();
    }

    /** The user's newest items, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Item> list(String username, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                SELECT id, template, title, body, case_number, created_at, read_at FROM notification_inbox
                WHERE username = ?""" + (unreadOnly ? " AND read_at IS NULL" : "")
                + " ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY")
                .param(username)
                .query((rs, n) -> new Item(rs.getLong("id"), Template.valueOf(rs.getString("template")),
                        rs.getString("title"), rs.getString("body"), rs.getString("case_number"),
                        Outbox.instant(rs, "created_at"), Outbox.instant(rs, "read_at")))
                .list();
    }

    /** Marks one of the user's items read; 404 for an item that is not theirs. */
    @Transactional
    public void markRead(String username, long id) {
        int found = jdbc.sql("SELECT COUNT(*) FROM notification_inbox WHERE id = ? AND username = ?")
                .params(id, username).query(Integer.class).single();
        if (found == 0) {
            throw ApiProblem.notFound("没有这条通知");
        }
        jdbc.sql("UPDATE notification_inbox SET read_at = ? WHERE id = ? AND read_at IS NULL")
                .params(Outbox.ts(clock.instant()), id).update();
    }

    /** Marks all of the user's items read; returns how many were unread. */
    @Transactional
    public int markAllRead(String username) {
        return jdbc.sql("UPDATE notification_inbox SET read_at = ? WHERE username = ? AND read_at IS NULL")
                .params(Outbox.ts(clock.instant()), username).update();
    }
}
