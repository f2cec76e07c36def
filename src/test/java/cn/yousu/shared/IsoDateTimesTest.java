package cn.yousu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The API's times read exactly as the JDK's ISO formatter writes them, whatever the fraction, offset or year. */
class IsoDateTimesTest {

    private static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.ofHours(8), ZoneOffset.UTC,
            ZoneOffset.ofHoursMinutes(-5, -30), ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHours(-12),
            ZoneOffset.ofHours(14));

    @Test
    void writesWhatTheIsoFormatterWrites() {
        SplittableRandom random = new SplittableRandom(20261205);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int n = 0; n < 200_000; n++) {
            int nano = switch (n % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000; // milliseconds, as most clocks give
                case 2 -> random.nextInt(1_000_000) * 1_000; // microseconds, as PostgreSQL keeps them
                case 3 -> random.nextInt(10) * 100_000_000;
                default -> random.nextInt(1_000_000_000);
            };
            OffsetDateTime t = Instant.ofEpochSecond(random.nextLong(from, to), nano)
                    .atOffset(OFFSETS.get(n % OFFSETS.size()));
            assertThat(IsoDateTimes.format(t)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
        }
    }

    @Test
    void examplesAsTheApiShowsThem() {
        assertThat(IsoDateTimes.format(OffsetDateTime.parse("2026-10-13T23:59:59+08:00")))
                .isEqualTo("2026-10-13T23:59:59+08:00");
        assertThat(IsoDateTimes.format(OffsetDateTime.parse("2026-01-02T03:04:00.120+08:00")))
                .isEqualTo("2026-01-02T03:04:00.12+08:00");
        assertThat(IsoDateTimes.format(OffsetDateTime.parse("2026-01-02T03:04:05.000001Z")))
                .isEqualTo("2026-01-02T03:04:05.000001Z");
    }

    @Test
    void unusualValuesGoToTheFormatter() {
        for (OffsetDateTime t : List.of(OffsetDateTime.parse("+10000-01-01T00:00:00+08:00"),
                OffsetDateTime.parse("-0001-12-31T23:59:59Z"), OffsetDateTime.parse("0000-06-01T12:00:00Z"),
                OffsetDateTime.of(2026, 12, 5, 21, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(8, 5, 43)))) {
            assertThat(IsoDateTimes.format(t)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
        }
    }
}
