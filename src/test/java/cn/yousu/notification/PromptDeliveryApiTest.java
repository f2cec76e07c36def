package cn.yousu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message goes out as soon as the change that wrote it commits, from the node that wrote it; the delivery runs
 * of other nodes leave it alone while that node holds it and take it over when the node dies or stops.
 */
class PromptDeliveryApiTest extends ApiTest {

    @Autowired
    Outbox outbox;
    @Autowired
    ObjectProvider<JavaMailSender> mail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    private final String marker = UUID.randomUUID().toString();
    private PromptDelivery prompt;

    /** An SMS gateway that records this test's messages; {@link #blockFirst} holds the first send until released. */
    final class Gateway implements SmsGateway {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        boolean blockFirst;

        @Override
        public void send(String phone, String text) {
            if (!text.contains(marker)) {
                return;
            }
            entered.countDown();
            if (blockFirst) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sent.add(text);
        }
    }

    private OutboxDelivery node(SmsGateway sms) {
        return new OutboxDelivery(outbox, mail, sms, clock, "noreply@yousu.local", 8, Duration.ofSeconds(30),
                Duration.ofHours(1), false);
    }

    private PromptDelivery started(SmsGateway sms) {
        prompt = new PromptDelivery(outbox, node(sms), clock, true);
        prompt.start();
        return prompt;
    }

    @AfterEach
    void stop() {
        if (prompt != null) {
            prompt.stop();
        }
    }

    private static Outbox.NewMessage sms(String text) {
        return new Outbox.NewMessage(Outbox.Channel.SMS, "13900000000", Template.CLOSED, "诉求已办结", text, null, null);
    }

    private Outbox.Message row(String text) {
        return outbox.get(jdbc.sql("SELECT id FROM notification_outbox WHERE body = ?").param(text).query(Long.class)
                .single());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within 10 s").isTrue();
    }

    @Test
    void aCommittedMessageGoesOutAtOnceAndARolledBackOneNever() throws Exception {
        Gateway gateway = new Gateway();
        PromptDelivery delivery = started(gateway);
        String rolledBack = "撤回的变更 " + marker;
        String committed = "已提交的变更 " + marker;
        String alsoCommitted = "同一变更的第二条 " + marker;

        transaction.executeWithoutResult(status -> {
            delivery.add(List.of(sms(rolledBack)));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> {
            delivery.add(List.of(sms(committed), sms(alsoCommitted)));
            // held by this node until it is sent: no delivery run takes it before the hold ends
            Outbox.Message held = row(committed);
            assertThat(held.status()).isEqualTo(Outbox.Status.PENDING);
            assertThat(held.nextAttemptAt()).isEqualTo(clock.instant().plus(PromptDelivery.HOLD));
        });

        // no delivery run: the sender thread took them when the transaction committed, and marked each row sent
        waitFor(() -> gateway.sent.size() == 2);
        waitFor(() -> row(committed).status() == Outbox.Status.SENT && row(alsoCommitted).status() == Outbox.Status.SENT);
        assertThat(row(committed).attempts()).isEqualTo(1);
        assertThat(row(committed).nextAttemptAt()).isNull();
        assertThat(gateway.sent).containsExactly(committed, alsoCommitted);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE body = ?").param(rolledBack)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anotherNodeLeavesAHeldMessageAloneAndSendsItOnceTheHoldEnds() {
        Gateway gateway = new Gateway();
        String text = "持有节点宕机 " + marker;
        // written and held by a node that died before its sender thread got to it
        transaction.executeWithoutResult(status -> outbox.addClaimed(List.of(sms(text)), "dead-node",
                clock.instant().plus(PromptDelivery.HOLD), added -> {
                }));
        OutboxDelivery survivor = node(gateway);

        survivor.deliverDue();
        assertThat(gateway.sent).isEmpty();

        clock.advance(PromptDelivery.HOLD.plusSeconds(1));
        survivor.deliverDue();
        assertThat(gateway.sent).containsExactly(text);
        assertThat(row(text).status()).isEqualTo(Outbox.Status.SENT);
    }

    @Test
    void aStoppingNodeFinishesItsBatchAndGivesUpTheRestAtOnce() throws Exception {
        Gateway gateway = new Gateway();
        gateway.blockFirst = true;
        PromptDelivery delivery = started(gateway);
        String first = "第一条 " + marker;
        transaction.executeWithoutResult(status -> delivery.add(List.of(sms(first))));
        assertThat(gateway.entered.await(10, TimeUnit.SECONDS)).isTrue();
        // the sender is busy with the first: these wait in its queue
        List<String> queued = List.of("第二条 " + marker, "第三条 " + marker);
        transaction.executeWithoutResult(status -> delivery.add(queued.stream().map(PromptDeliveryApiTest::sms)
                .toList()));

        Thread stopping = Thread.ofPlatform().start(delivery::stop);
        waitFor(() -> !delivery.isRunning());
        gateway.release.countDown();
        stopping.join(Duration.ofSeconds(30));
        prompt = null;

        assertThat(gateway.sent).containsExactly(first);
        assertThat(row(first).status()).isEqualTo(Outbox.Status.SENT);
        for (String text : queued) {
            Outbox.Message m = row(text);
            assertThat(m.status()).isEqualTo(Outbox.Status.PENDING);
            assertThat(m.attempts()).isZero();
        }
        // released, not held: another node's next run sends them without waiting for the hold to end
        Gateway other = new Gateway();
        node(other).deliverDue();
        assertThat(other.sent).containsExactlyInAnyOrderElementsOf(queued);
    }

    @Test
    void withoutItsSenderRunningANodeWritesMessagesForTheDeliveryRuns() {
        Gateway gateway = new Gateway();
        PromptDelivery stopped = new PromptDelivery(outbox, node(gateway), clock, false);
        stopped.start();
        String text = "定时发送 " + marker;
        transaction.executeWithoutResult(status -> stopped.add(List.of(sms(text))));

        node(gateway).deliverDue();
        assertThat(gateway.sent).containsExactly(text);
    }
}
