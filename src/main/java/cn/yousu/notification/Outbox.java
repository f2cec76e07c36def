package cn.yousu.notification;

import cn.yousu.shared.Databases;
import cn.yousu.shared.WriteBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table: rows are added in the caller's transaction; delivery claims a row with a conditional UPDATE
 * (only one node's update matches), then marks it sent or schedules the next attempt.
 */
@Repository
public class Outbox {

    public enum Channel { EMAIL, SMS }

    public enum Status { PENDING, SENT, FAILED }

    /** One message to deliver. */
    public record Message(long id, Channel channel, String recipient, Template template, String subject, String body,
            Long caseId, String caseNumber, Status status, int attempts, Instant nextAttemptAt, String lastError,
            Instant createdAt, Instant sentAt) {
    }

    private static final String COLUMNS = """
            id, channel, recipient, template, subject, body, case_id, case_number, status, attempts, next_attempt_at,
            last_error, created_at, sent_at""";

    private static final String INSERT = """
            INSERT INTO notification_outbox (channel, recipient, template, subject, body, case_id, case_number, status,
                attempts, next_attempt_at, created_at, claimed_by, claimed_until)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final WriteBatch writes;
    private final Clock clock;

    Outbox(JdbcClient jdbc, WriteBatch writes, Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.clock = clock;
    }

    /** A message to add. */
    record NewMessage(Channel channel, String recipient, Template template, String subject, String body, Long caseId,
            String caseNumber) {
    }

    /**
     * Adds the messages in the current transaction (one batch, however many cases and recipients they are for); they
     * go out only if that transaction commits.
     */
    void addAll(List<NewMessage> messages) {
        insert(messages, clock.instant(), null, null, null);
    }

    /**
     * Adds the messages in the current transaction already claimed by {@code node} until {@code until}, so that no
     * node's delivery run takes them meanwhile: the node sends them itself once the transaction commits (see
     * {@link PromptDelivery}). {@code added} receives them as stored, with their ids, in the order given, once they
     * are written (with the rest of the unit of work's {@link WriteBatch}).
     */
    void addClaimed(List<NewMessage> messages, String node, Instant until, Consumer<List<Message>> added) {
        Instant created = ts(clock.instant()).toInstant();
        Instant next = ts(until).toInstant();
        insert(messages, created, node, until, ids -> {
            List<Message> stored = new java.util.ArrayList<>(messages.size());
            for (int i = 0; i < messages.size(); i++) {
                NewMessage m = messages.get(i);
                stored.add(new Message(ids.get(i), m.channel(), m.recipient(), m.template(), m.subject(), m.body(),
                        m.caseId(), m.caseNumber(), Status.PENDING, 0, next, null, created, null));
            }
            added.accept(stored);
        });
    }

    /**
     * Inserts the messages (multi-row INSERTs, see {@link WriteBatch#insertRows}) and gives their ids in the order of
     * {@code messages} to {@code ids}, when given (both databases number the rows of one VALUES list in its order;
     * without {@code ids} no key is asked for). A held
     * message's first attempt by the delivery runs is when the hold ends: until then it is not in their due range.
     */
    private void insert(List<NewMessage> messages, Instant at, String node, Instant until, Consumer<List<Long>> ids) {
        OffsetDateTime now = ts(at);
        OffsetDateTime claimedUntil = ts(until);
        List<Object[]> rows = messages.stream().map(m -> new Object[] {m.channel().name(), m.recipient(),
            m.template().name(), m.subject(), m.body(), m.caseId(), m.caseNumber(), Status.PENDING.name(), 0,
            until == null ? now : claimedUntil, now, node, claimedUntil}).toList();
        if (ids == null) {
            writes.writeRows(INSERT, rows);
        } else {
            writes.insertRows(INSERT, rows, "id", ids);
        }
    }

    /**
     * Gives up {@code node}'s claim on those of {@code ids} still pending and makes them due now, so that the next
     * delivery run of any node takes them (a node stopping with messages it had not yet sent).
     */
    void release(List<Long> ids, String node) {
        updateByIds("next_attempt_at = ?, claimed_until = NULL, claimed_by = NULL", ts(clock.instant()), ids,
                " AND status = 'PENDING' AND claimed_by = ?", node);
    }

    /**
     * {@code UPDATE notification_outbox SET <set> WHERE id IN (…)<and>} for {@code ids}, 500 ids to a statement:
     * {@code setValue} is the SET's parameter, {@code andValues} those of {@code and}.
     */
    private void updateByIds(String set, Object setValue, List<Long> ids, String and, Object... andValues) {
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> params = new java.util.ArrayList<>(chunk.size() + 1 + andValues.length);
            params.add(setValue);
            params.addAll(chunk);
            params.addAll(List.of(andValues));
            jdbc.sql("UPDATE notification_outbox SET " + set + " WHERE id IN (" + Databases.placeholders(chunk.size())
                    + ")" + and).params(params).update();
        }
    }

    /**
     * Ids of messages due now and not claimed by a live node, oldest first: a range of the due index, which holds only
     * pending messages (sent and failed ones have no next attempt).
     */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM notification_outbox
                WHERE next_attempt_at <= ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)
                ORDER BY next_attempt_at, id FETCH FIRST %d ROWS ONLY""".formatted(limit))
                .params(ts(now), ts(now)).query(Long.class).list();
    }

    /**
     * Claims those of {@code ids} that no live node holds, for {@code lease}, with one UPDATE, and answers the messages
     * this claim took (the others were sent meanwhile or are held by another node).
     */
    List<Message> claimAll(List<Long> ids, String node, Instant now, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = Databases.placeholders(ids.size());
        OffsetDateTime until = ts(now.plus(lease));
        List<Object> claim = new java.util.ArrayList<>(List.of(until, node));
        claim.addAll(ids);
        claim.add(ts(now));
        jdbc.sql("UPDATE notification_outbox SET claimed_until = ?, claimed_by = ? WHERE id IN (" + in + ")"
                + " AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)").params(claim).update();
        List<Object> mine = new java.util.ArrayList<>(ids);
        mine.add(node);
        mine.add(until);
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE id IN (" + in + ")"
                + " AND status = 'PENDING' AND claimed_by = ? AND claimed_until = ? ORDER BY id").params(mine)
                .query(Outbox::map).list();
    }

    /** Marks messages sent: one UPDATE for a delivery batch (its ids in an IN list). */
    void sentAll(List<Long> ids, Instant at) {
        updateByIds("""
                status = 'SENT', sent_at = ?, attempts = attempts + 1, next_attempt_at = NULL, claimed_until = NULL,
                    last_error = NULL""", ts(at), ids, "");
    }

    Message get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE id = ?").param(id)
                .query(Outbox::map).single();
    }

    /** Records a failed attempt: the next one at {@code retryAt}, or none ({@code FAILED}) when null. */
    void failed(long id, String error, Instant retryAt) {
        String message = error == null ? "未知错误" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (retryAt == null) {
            jdbc.sql("""
                    UPDATE notification_outbox SET status = 'FAILED', attempts = attempts + 1, next_attempt_at = NULL,
                        claimed_until = NULL, last_error = ? WHERE id = ?""").params(message, id).update();
        } else {
            jdbc.sql("""
                    UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL,
                        last_error = ? WHERE id = ?""").params(ts(retryAt), message, id).update();
        }
    }

    /** The messages about one case, oldest first (what was told to whom). */
    public List<Message> ofCase(long caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE case_id = ? ORDER BY id")
                .param(caseId).query(Outbox::map).list();
    }

    private static Message map(ResultSet rs, int row) throws SQLException {
        return new Message(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                Template.valueOf(rs.getString("template")), rs.getString("subject"), rs.getString("body"),
                (Long) rs.getObject("case_id", Long.class), rs.getString("case_number"),
                Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "sent_at"));
    }

    /**
     * An instant as the outbox stores it: to the microsecond, as both databases keep it. A claim finds its rows again by
     * the lease's end; with the clock's nanoseconds H2 compared them unequal to what it had stored, and no message was
     * ever delivered on H2 outside the tests (whose clock reads whole seconds).
     */
    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null
                : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
