package cn.yousu.casework;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A named set of cases that another module counts (an indicator's numerator or denominator, say), so that the case
 * list can show exactly the cases behind a figure: {@code /cases?measure=onTime.late&from=…&to=…}. The module that
 * defines the figure implements this; {@link CaseSearch} asks every implementation for the measure's condition.
 */
public interface CaseListMeasure {

    /**
     * The condition over {@code case_file c} for {@code measure} in the period {@code [from, to)} (either may be null:
     * open), with {@code leadUnitCode} when the figure was per lead unit; empty when this module does not know it.
     */
    Optional<Condition> condition(String measure, Instant from, Instant to, String leadUnitCode, Instant now);

    /** SQL with its parameters, and the Chinese text the list shows for it. */
    record Condition(String sql, List<Object> params, String label) {
    }
}
