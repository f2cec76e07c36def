package cn.yousu.notification;

import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox at least once: each due message is claimed by one node (a lease; a node that dies
 * mid-send leaves a claim that expires and another node sends again), sent, then marked sent. A failure schedules
 * the next attempt after a backoff that doubles from {@code retry-base} up to {@code retry-max}; after
 * {@code max-attempts} the message is FAILED and stays visible with its last error.
 */
@Component
public class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int BATCH = 200;
    /** Names Angus Mail's stream provider (the one on the classpath) so that Jakarta Mail need not look it up. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 runs a ServiceLoader lookup for every encoded header and body part it reads or writes
        // (jakartaee/mail-api#861), a tenth of the application's CPU under load; a named class is found at once
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private volatile JavaMailSender sender;
    private final SmsGateway sms;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;
    private final Duration retryBase;
    private final Duration retryMax;
    private final boolean scheduled;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    OutboxDelivery(Outbox outbox, ObjectProvider<JavaMailSender> mail, SmsGateway sms, Clock clock,
            @Value("${yousu.notification.mail-from:noreply@yousu.local}") String from,
            @Value("${yousu.notification.max-attempts:8}") int maxAttempts,
            @Value("${yousu.notification.retry-base:30s}") Duration retryBase,
            @Value("${yousu.notification.retry-max:1h}") Duration retryMax,
            @Value("${yousu.jobs.enabled:true}") boolean scheduled) {
        this.outbox = outbox;
        this.mail = mail;
        this.sms = sms;
        this.clock = clock;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelayString = "${yousu.notification.interval:2s}", initialDelayString = "15s")
    void onSchedule() {
        if (scheduled) {
            deliverDue();
        }
    }

    /**
     * Sends every message due now that no other node holds, a batch at a time: one claim for the batch, its e-mails
     * in one SMTP session, one update for those sent; returns how many were sent.
     */
    public int deliverDue() {
        int sent = 0;
        // what is due at the start of the run (what comes due meanwhile waits for the next run, a few seconds on): the
        // ids tried in a run are kept to skip, and stay as few as the backlog the run began with
        Instant now = clock.instant();
        // a message tried leaves the due range (sent, failed, retried later, or held by the node that claimed it);
        // should one come back all the same, it is skipped, and the next read takes that many more so as to move on
        java.util.Set<Long> tried = new java.util.HashSet<>();
        int skipped = 0;
        while (true) {
            int limit = BATCH + skipped;
            List<Long> due = outbox.due(now, limit);
            List<Long> fresh = due.stream().filter(id -> !tried.contains(id)).toList();
            skipped = due.size() - fresh.size();
            tried.addAll(fresh);
            sent += deliver(outbox.claimAll(fresh, node, now, LEASE));
            if (fresh.isEmpty() || due.size() < limit) {
                return sent;
            }
        }
    }

    /** This node's name, as its claims record it. */
    String node() {
        return node;
    }

    /** Sends messages this node holds (claimed) and records each outcome; answers how many went out. */
    int deliver(List<Outbox.Message> claimed) {
        List<Long> sent = new ArrayList<>();
        Map<MimeMessage, Outbox.Message> emails = new LinkedHashMap<>();
        for (Outbox.Message m : claimed) {
            try {
                switch (m.channel()) {
                    case EMAIL -> emails.put(email(m), m);
                    case SMS -> {
                        sms.send(m.recipient(), m.body());
                        sent.add(m.id());
                    }
                }
            } catch (RuntimeException | jakarta.mail.MessagingException e) {
                failed(m, e);
            }
        }
        if (!emails.isEmpty()) {
            Map<Object, Exception> failures = new java.util.HashMap<>();
            try {
                // one connection for the whole batch; the sender reports each message that did not go out
                mailSender().send(emails.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                failures.putAll(e.getFailedMessages());
                if (failures.isEmpty()) {
                    emails.keySet().forEach(k -> failures.put(k, e));
                }
            } catch (RuntimeException e) {
                emails.keySet().forEach(k -> failures.put(k, e));
            }
            emails.forEach((message, m) -> {
                Exception e = failures.get(message);
                if (e == null) {
                    sent.add(m.id());
                } else {
                    failed(m, e);
                }
            });
        }
        outbox.sentAll(sent, clock.instant());
        return sent.size();
    }

    private void failed(Outbox.Message m, Exception e) {
        int attempt = m.attempts() + 1;
        Instant retryAt = attempt >= maxAttempts ? null : clock.instant().plus(backoff(attempt));
        LOG.warn("通知 {} 第 {} 次发送失败（{}）：{}", m.id(), attempt, m.channel(), e.toString());
        outbox.failed(m.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), retryAt);
    }

    /** The wait before attempt {@code attempt + 1}: base × 2^(attempt−1), at most the maximum. */
    Duration backoff(int attempt) {
        Duration d = retryBase.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }

    private JavaMailSender mailSender() {
        JavaMailSender found = sender;
        if (found == null) {
            found = mail.getIfAvailable();
            if (found == null) {
                throw new IllegalStateException("未配置邮件服务器（spring.mail.host）");
            }
            // the context's sender does not change; looking it up again cost on every message
            sender = found;
        }
        return found;
    }

    private MimeMessage email(Outbox.Message m) throws jakarta.mail.MessagingException {
        MimeMessage message = mailSender().createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(from);
        helper.setTo(m.recipient());
        helper.setSubject(m.subject());
        helper.setText(m.body());
        return message;
    }
}
