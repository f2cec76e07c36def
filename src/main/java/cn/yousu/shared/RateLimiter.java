package cn.yousu.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Token buckets per key (an IP address, a user name) for one kind of request; idle keys are forgotten.
 * One node's view: behind a load balancer each node limits on its own, which is enough against abuse.
 */
public final class RateLimiter {

    private final long capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period.multipliedBy(2)).maximumSize(100_000).build();
    }

    /** True when the request may go ahead; false when {@code key} has used its allowance. */
    public boolean tryAcquire(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build()).tryConsume(1);
    }

    /** Throws 429 when {@code key} has used its allowance. */
    public void acquire(String key) {
        if (!tryAcquire(key)) {
            throw ApiProblem.tooManyRequests("请求过于频繁，请稍后再试");
        }
    }
}
