package cn.yousu.shared;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The text of {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} ({@code 2026-10-13T23:59:59.5+08:00}), written directly:
 * the formatter's general machinery took about a twentieth of the API's CPU, every answer carrying a dozen times and
 * a timeline. Years outside 0–9999 and offsets with seconds, which no case has, go to the formatter itself.
 */
public final class IsoDateTimes {

    private IsoDateTimes() {
    }

    public static String format(OffsetDateTime t) {
        int year = t.getYear();
        int offset = t.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offset % 60 != 0) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        char[] out = new char[35];
        int i = digits(out, 0, year, 4);
        out[i++] = '-';
        i = digits(out, i, t.getMonthValue(), 2);
        out[i++] = '-';
        i = digits(out, i, t.getDayOfMonth(), 2);
        out[i++] = 'T';
        i = digits(out, i, t.getHour(), 2);
        out[i++] = ':';
        i = digits(out, i, t.getMinute(), 2);
        out[i++] = ':';
        i = digits(out, i, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) { // as few digits as the fraction needs, like the formatter
            int width = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                width--;
            }
            out[i++] = '.';
            i = digits(out, i, nano, width);
        }
        if (offset == 0) {
            out[i++] = 'Z';
        } else {
            out[i++] = offset < 0 ? '-' : '+';
            int minutes = Math.abs(offset) / 60;
            i = digits(out, i, minutes / 60, 2);
            out[i++] = ':';
            i = digits(out, i, minutes % 60, 2);
        }
        return new String(out, 0, i);
    }

    /** {@code value} with leading zeros to {@code width} digits at {@code at}; the index after it. */
    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
