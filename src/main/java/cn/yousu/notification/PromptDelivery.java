package cn.yousu.notification;

import cn.yousu.shared.AfterCommit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends a message as soon as the transaction that wrote it commits, from the node that wrote it, instead of at the
 * next delivery run. The message is written already claimed by this node for {@link #HOLD}, so no run of any node
 * takes it meanwhile, and handed to one sender thread after the commit; a rolled-back change sends nothing. Whatever
 * the thread does not send while the claim lasts (a full queue, a crash) the delivery runs take over once the claim
 * ends, and a stopping node gives its claims up at once: nothing is lost, and a complainant's SMS leaves within a
 * fraction of a second. The runs stay for retries and for what other nodes left. Under load this also spares the
 * database the run's search for due messages and its claim of each batch.
 */
@Component
class PromptDelivery implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PromptDelivery.class);
    /** How long a new message is held for this node's sender thread. */
    static final Duration HOLD = Duration.ofMinutes(1);
    /** The thread sends a message only with this much of its claim left; later, the delivery runs take it. */
    static final Duration MARGIN = Duration.ofSeconds(20);
    /** How long the thread lets a burst gather after the first message, so that a batch shares one SMTP session. */
    static final Duration LINGER = Duration.ofMillis(100);
    static final int BATCH = 200;
    static final int CAPACITY = 10_000;

    /** A message this node holds, and until when. */
    private record Held(Outbox.Message message, Instant until) {
    }

    private final Outbox outbox;
    private final OutboxDelivery delivery;
    private final Clock clock;
    private final boolean enabled;
    private final BlockingQueue<Held> queue = new ArrayBlockingQueue<>(CAPACITY);
    private volatile boolean running;
    private Thread sender;

    PromptDelivery(Outbox outbox, OutboxDelivery delivery, Clock clock,
            @Value("${yousu.jobs.enabled:true}") boolean enabled) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
        this.enabled = enabled;
    }

    /**
     * Adds the messages in the caller's transaction; once it commits, this node sends them. When the sender is not
     * running (jobs switched off, the node starting or stopping) they wait for the delivery runs like any due message.
     */
    void add(List<Outbox.NewMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        if (!running) {
            outbox.addAll(messages);
            return;
        }
        Instant until = clock.instant().plus(HOLD);
        outbox.addClaimed(messages, delivery.node(), until, added -> AfterCommit.run(() -> handOver(added, until)));
    }

    private void handOver(List<Outbox.Message> added, Instant until) {
        int refused = 0;
        for (Outbox.Message m : added) {
            if (!queue.offer(new Held(m, until))) {
                refused++;
            }
        }
        if (refused > 0) {
            LOG.warn("即时发送队列已满：{} 条通知在 {} 秒内由定时发送接手", refused, HOLD.toSeconds());
        }
    }

    /** The sender thread: a batch at a time, what gathered within {@link #LINGER} of its first message. */
    private void sendWhileRunning() {
        List<Held> batch = new ArrayList<>();
        while (running) {
            try {
                Held first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long end = System.nanoTime() + LINGER.toNanos();
                while (batch.size() < BATCH) {
                    Held next = queue.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the claims stay and end within a minute; then the delivery runs send these messages
                LOG.warn("即时发送 {} 条通知失败，将由定时发送接手：{}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /** Sends those of the batch whose claim still has {@link #MARGIN} left (the others are the runs' by then). */
    private void send(List<Held> batch) {
        Instant now = clock.instant();
        List<Outbox.Message> mine = batch.stream().filter(h -> now.isBefore(h.until().minus(MARGIN)))
                .map(Held::message).toList();
        delivery.deliver(mine);
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        sender = Thread.ofPlatform().name("yousu-prompt-delivery").daemon().start(this::sendWhileRunning);
    }

    /** Stops the thread after its batch and gives up the claims of what is still queued. */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            sender.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Held> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            outbox.release(left.stream().map(h -> h.message().id()).toList(), delivery.node());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before the web server and stopped after it: the last requests' messages still go out at once. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
