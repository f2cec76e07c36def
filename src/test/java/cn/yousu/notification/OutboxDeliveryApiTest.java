package cn.yousu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Delivery at least once: a failing gateway is retried with a doubling backoff until it answers (or the attempts
 * run out), and a message held by a node that died mid-send is sent by another node once the claim expires.
 */
class OutboxDeliveryApiTest extends ApiTest {

    @Autowired
    Outbox outbox;
    @Autowired
    ObjectProvider<JavaMailSender> mail;
    @Autowired
    JdbcClient jdbc;

    /**
     * An SMS gateway that refuses the first {@code failures} sends of this test's message (marked), then accepts;
     * other tests' messages in the shared outbox pass through untouched.
     */
    static final class FlakyGateway implements SmsGateway {
        final String marker = UUID.randomUUID().toString();
        int failures;
        final List<String> sent = new ArrayList<>();

        FlakyGateway(int failures) {
            this.failures = failures;
        }

        @Override
        public void send(String phone, String text) {
            if (!text.contains(marker)) {
                return;
            }
            if (failures-- > 0) {
                throw new IllegalStateException("短信网关暂不可用（HTTP 503）");
            }
            sent.add(phone + ":" + text);
        }
    }

    private OutboxDelivery node(SmsGateway sms, int maxAttempts) {
        return new OutboxDelivery(outbox, mail, sms, clock, "noreply@yousu.local", maxAttempts, Duration.ofSeconds(30),
                Duration.ofHours(1), false);
    }

    private long enqueue(String text) {
        outbox.addAll(List.of(new Outbox.NewMessage(Outbox.Channel.SMS, "13900000000", Template.CLOSED, "诉求已办结",
                text, null, null)));
        return jdbc.sql("SELECT MAX(id) FROM notification_outbox").query(Long.class).single();
    }

    private Outbox.Message message(long id) {
        return outbox.get(id);
    }

    @Test
    void aMessageIsSentWhenTheClockReadsNanosecondsThatTheDatabaseDoesNotKeep() {
        // a real clock reads nanoseconds on Linux; both databases keep microseconds of a timestamp
        clock.set(java.time.Instant.parse("2026-12-02T16:42:42.731836189Z"));
        FlakyGateway gateway = new FlakyGateway(0);
        String text = "纳秒 " + gateway.marker;
        long id = enqueue(text);

        node(gateway, 8).deliverDue();

        assertThat(gateway.sent).containsExactly("13900000000:" + text);
        assertThat(message(id).status()).isEqualTo(Outbox.Status.SENT);
    }

    @Test
    void failedSendIsRetriedWithBackoffUntilTheGatewayAnswers() {
        FlakyGateway gateway = new FlakyGateway(2);
        OutboxDelivery delivery = node(gateway, 8);
        String text = "重试测试 " + gateway.marker;
        long id = enqueue(text);

        delivery.deliverDue();
        Outbox.Message first = message(id);
        assertThat(first.status()).isEqualTo(Outbox.Status.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("HTTP 503");
        assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));

        delivery.deliverDue(); // not due yet: nothing is tried
        assertThat(message(id).attempts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        delivery.deliverDue();
        assertThat(message(id).attempts()).isEqualTo(2);
        assertThat(message(id).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(61));
        delivery.deliverDue();
        Outbox.Message sent = message(id);
        assertThat(sent.status()).isEqualTo(Outbox.Status.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(gateway.sent).containsExactly("13900000000:" + text);
    }

    @Test
    void aMessageThatKeepsFailingEndsFailedWithItsLastError() {
        FlakyGateway gateway = new FlakyGateway(100);
        OutboxDelivery delivery = node(gateway, 3);
        long id = enqueue("放弃测试 " + gateway.marker);
        for (int i = 0; i < 5; i++) {
            delivery.deliverDue();
            clock.advance(Duration.ofHours(2));
        }
        Outbox.Message failed = message(id);
        assertThat(failed.status()).isEqualTo(Outbox.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("短信网关暂不可用");
    }

    @Test
    void aMessageHeldByADeadNodeIsSentOnceItsClaimExpires() {
        FlakyGateway gateway = new FlakyGateway(0);
        OutboxDelivery survivor = node(gateway, 8);
        String text = "宕机测试 " + gateway.marker;
        long id = enqueue(text);
        // another node claimed it and died before marking it sent
        assertThat(outbox.claimAll(List.of(id), "dead-node", clock.instant(), Duration.ofMinutes(5))).hasSize(1);
        assertThat(outbox.claimAll(List.of(id), "third-node", clock.instant(), Duration.ofMinutes(5))).isEmpty();

        survivor.deliverDue();
        assertThat(gateway.sent).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        survivor.deliverDue();
        assertThat(gateway.sent).containsExactly("13900000000:" + text);
        assertThat(message(id).status()).isEqualTo(Outbox.Status.SENT);
        Instant sentAt = message(id).sentAt();
        assertThat(sentAt).isEqualTo(clock.instant());
    }

    /** A mail server that takes a batch per connection and refuses recipients at bad.example. */
    static final class RecordingMailSender extends org.springframework.mail.javamail.JavaMailSenderImpl {
        final List<List<String>> connections = new ArrayList<>();

        @Override
        public void send(jakarta.mail.internet.MimeMessage... messages) {
            List<String> batch = new ArrayList<>();
            java.util.Map<Object, Exception> failed = new java.util.LinkedHashMap<>();
            for (jakarta.mail.internet.MimeMessage m : messages) {
                try {
                    String to = m.getAllRecipients()[0].toString();
                    if (to.endsWith("@bad.example")) {
                        failed.put(m, new jakarta.mail.SendFailedException("550 mailbox unavailable: " + to));
                    } else {
                        batch.add(to);
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            connections.add(batch);
            if (!failed.isEmpty()) {
                throw new org.springframework.mail.MailSendException(failed);
            }
        }
    }

    private OutboxDelivery sendingTo(RecordingMailSender server) {
        return new OutboxDelivery(outbox, new org.springframework.beans.factory.support.StaticListableBeanFactory(
                java.util.Map.of("mail", server)).getBeanProvider(JavaMailSender.class), new FlakyGateway(0), clock,
                "noreply@yousu.local", 8, Duration.ofSeconds(30), Duration.ofHours(1), false);
    }

    @Test
    void theDueEmailsGoOutInOneConnectionAndARefusedOneIsRetriedAlone() {
        RecordingMailSender server = new RecordingMailSender();
        OutboxDelivery delivery = sendingTo(server);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = new ArrayList<>();
        for (String to : List.of("a-" + marker + "@ok.example", "b-" + marker + "@bad.example",
                "c-" + marker + "@ok.example")) {
            outbox.addAll(List.of(new Outbox.NewMessage(Outbox.Channel.EMAIL, to, Template.CLOSED, "诉求已办结",
                    "批量发送 " + marker, null, null)));
            ids.add(jdbc.sql("SELECT MAX(id) FROM notification_outbox").query(Long.class).single());
        }

        delivery.deliverDue();
        assertThat(server.connections).hasSize(1);
        assertThat(server.connections.get(0)).contains("a-" + marker + "@ok.example", "c-" + marker + "@ok.example")
                .doesNotContain("b-" + marker + "@bad.example");
        assertThat(message(ids.get(0)).status()).isEqualTo(Outbox.Status.SENT);
        assertThat(message(ids.get(2)).status()).isEqualTo(Outbox.Status.SENT);
        Outbox.Message refused = message(ids.get(1));
        assertThat(refused.status()).isEqualTo(Outbox.Status.PENDING);
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.lastError()).contains("550 mailbox unavailable");
        assertThat(refused.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(31));
        delivery.deliverDue();
        assertThat(server.connections).hasSize(2);
        assertThat(server.connections.get(1)).doesNotContain("a-" + marker + "@ok.example");
        assertThat(message(ids.get(1)).attempts()).isEqualTo(2);
    }

    @Test
    void aBacklogGoesOutInBatchesOfAtMostTwoHundredEachMarkedSentOnce() {
        RecordingMailSender server = new RecordingMailSender();
        OutboxDelivery delivery = sendingTo(server);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<Outbox.NewMessage> backlog = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            backlog.add(new Outbox.NewMessage(Outbox.Channel.EMAIL, "u" + i + "-" + marker + "@ok.example",
                    Template.CLOSED, "诉求已办结", "积压 " + marker, null, null));
        }
        outbox.addAll(backlog);

        delivery.deliverDue();

        assertThat(server.connections).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(200));
        assertThat(server.connections.stream().flatMap(List::stream).filter(to -> to.contains(marker)))
                .hasSize(450).doesNotHaveDuplicates();
        // sent, once each, and out of the due index (no next attempt)
        assertThat(jdbc.sql("""
                SELECT status, attempts, COUNT(*), COUNT(next_attempt_at) FROM notification_outbox WHERE body = ?
                GROUP BY status, attempts""").param("积压 " + marker).query((rs, n) -> rs.getString(1) + "/"
                + rs.getInt(2) + "/" + rs.getInt(3) + "/" + rs.getInt(4)).list()).containsExactly("SENT/1/450/0");

        delivery.deliverDue(); // nothing left: nothing goes out twice
        assertThat(server.connections.stream().flatMap(List::stream).filter(to -> to.contains(marker))).hasSize(450);
    }

    @Test
    void mimeEncodingUsesTheNamedStreamProviderAndKeepsChineseSubjects() throws Exception {
        // a name that no class answers to would make Jakarta Mail fall back to its ServiceLoader lookup per header
        String named = System.getProperty(OutboxDelivery.STREAM_PROVIDER);
        assertThat(named).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(Class.forName(named)).isAssignableTo(jakarta.mail.util.StreamProvider.class);

        jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());
        jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(session);
        m.setSubject("【示范市营商办】诉求已受理", "UTF-8");
        m.setText("您的诉求已受理。", "UTF-8");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        m.writeTo(out);
        jakarta.mail.internet.MimeMessage read = new jakarta.mail.internet.MimeMessage(session,
                new java.io.ByteArrayInputStream(out.toByteArray()));
        assertThat(read.getSubject()).isEqualTo("【示范市营商办】诉求已受理");
        assertThat(read.getContent().toString().trim()).isEqualTo("您的诉求已受理。");
    }
}
