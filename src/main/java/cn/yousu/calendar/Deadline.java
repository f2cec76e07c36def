package cn.yousu.calendar;

import java.time.Instant;
import java.util.List;

/**
 * A computed deadline. {@code officialData} is false when a year the count crossed has no official
 * holiday data; {@code warnings} then says which, in Chinese.
 */
public record Deadline(Instant due, boolean officialData, List<String> warnings) {
}
