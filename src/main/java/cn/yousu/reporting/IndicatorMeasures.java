package cn.yousu.reporting;

import cn.yousu.casework.CaseListMeasure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The cases behind each figure, for the case list: {@code <indicator>.den} are the cases (or visited cases) an
 * indicator counts in its denominator, {@code <indicator>.num} those of its numerator, with the same conditions
 * as {@link Indicators} (over {@code case_file c}); {@code respondent} the cases about one respondent.
 */
@Component
class IndicatorMeasures implements CaseListMeasure {

    static final Instant OPEN_START = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant OPEN_END = Instant.parse("9999-01-01T00:00:00Z");

    static String numerator(Indicator i) {
        return i.key() + ".num";
    }

    static String denominator(Indicator i) {
        return i.key() + ".den";
    }

    /** The cases about one respondent (a unit's code or a name as registered). */
    static String respondent(String respondent) {
        return RESPONDENT + respondent;
    }

    private static final String RESPONDENT = "respondent:";

    @Override
    public Optional<Condition> condition(String measure, Instant from, Instant to, String leadUnitCode, Instant now) {
        if (measure.startsWith(RESPONDENT)) {
            String who = measure.substring(RESPONDENT.length());
            List<Object> params = new ArrayList<>(List.of(who, who, Indicators.ts(from == null ? OPEN_START : from),
                    Indicators.ts(to == null ? OPEN_END : to)));
            return Optional.of(new Condition("(c.respondent_unit_code = ? OR c.respondent_unit_code IS NULL AND "
                    + "c.respondent_name = ?) AND c.registered_at >= ? AND c.registered_at < ?", params,
                    "投诉对象：" + who + "（期间登记的诉求）"));
        }
        int dot = measure.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        Indicator indicator = Indicator.byKey(measure.substring(0, dot));
        String part = measure.substring(dot + 1);
        if (indicator == null || !(part.equals("num") || part.equals("den"))) {
            return Optional.empty();
        }
        boolean num = part.equals("num");
        Instant start = from == null ? OPEN_START : from;
        Instant end = to == null ? OPEN_END : to;
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        Anchor anchor = indicator.anchor();
        if (anchor == Anchor.VISIT) {
            sql.append("EXISTS (SELECT 1 FROM report_visit v WHERE v.case_id = c.id AND v.at >= ? AND v.at < ?");
            if (num) {
                sql.append(" AND ").append(indicator.numerator("c"));
            }
            sql.append(')');
            params.add(Indicators.ts(start));
            params.add(Indicators.ts(end));
        } else {
            sql.append(anchor.condition("c"));
            params.add(Indicators.ts(start));
            params.add(Indicators.ts(end));
            if (anchor == Anchor.DUE) {
                params.add(Indicators.ts(now));
            }
            if (num || !indicator.rate()) {
                sql.append(" AND ").append(indicator.numerator("c"));
            }
        }
        if (leadUnitCode != null) {
            sql.append(" AND c.lead_unit_code = ?");
            params.add(leadUnitCode);
        }
        String label = indicator.label() + " · " + (num || !indicator.rate() ? "分子：" + indicator.numeratorLabel()
                : "分母：" + anchor.label());
        return Optional.of(new Condition(sql.toString(), params, label));
    }
}
