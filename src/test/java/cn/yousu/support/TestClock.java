package cn.yousu.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The application's one clock in tests: set it to a moment, move it forward across weekends and holidays. */
public class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public TestClock(ZoneId zone, Instant start) {
        this.zone = zone;
        this.now = start;
    }

    /** Sets the time, for example {@code set("2026-09-30T10:00:00+08:00")}. */
    public void set(String isoWithOffset) {
        now = OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(zone, now);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
