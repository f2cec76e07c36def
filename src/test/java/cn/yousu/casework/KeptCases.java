package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.Cases;
import tools.jackson.databind.JsonNode;

/** What the tests of kept cases ({@link RecentCases}) compare: an answer with what the database holds. */
final class KeptCases {

    private KeptCases() {
    }

    /**
     * The action's answer, and a read of the case this node kept after the action, are the case (with its timeline)
     * as a node that kept nothing reads it from the database.
     */
    static void answersAsStored(Cases cases, RecentCases recent, JsonNode answer, String number) {
        JsonNode kept = cases.get("office", number);
        recent.forget();
        JsonNode stored = cases.get("office", number);
        assertThat(answer).isEqualTo(stored);
        assertThat(kept).isEqualTo(stored);
    }
}
