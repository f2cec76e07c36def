package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.identity.Actor;
import cn.yousu.identity.TokenService;
import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An action answers its case's whole timeline without reading it again when this node wrote the version before; what
 * another writer added meanwhile, and what was rolled back, it answers as the database holds it.
 */
class TimelinesApiTest extends ApiTest {

    @Autowired
    CaseService service;
    @Autowired
    Timelines timelines;
    @Autowired
    TokenService tokens;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    private static final Map<String, Object> ACCEPT = Map.of("kind", "COMPLAINT", "complexity", "GENERAL",
            "categoryCode", "LICENSE_DELAY");

    private static List<String> actions(JsonNode c) {
        List<String> names = new ArrayList<>();
        c.get("timeline").forEach(e -> names.add(e.get("action").asString()));
        return names;
    }

    @Test
    void aNoteWrittenWithoutThisNodesActionsIsInTheNextActionsAnswer() {
        Cases.Registered r = cases.register();
        cases.act("office", r.number(), "accept", ACCEPT);
        long id = jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(r.number()).query(Long.class).single();
        // the deadline watch (or another node) writes to the case: its version moves on without this node's timeline
        service.note(id, "warning-yellow", "交办时限即将到期", Map.of("clock", "ACCEPTANCE"), null);

        JsonNode assigned = cases.act("office", r.number(), "assign", Map.of("leadUnitCode", "SF-SCJG"));

        assertThat(actions(assigned)).containsExactly("register", "accept", "warning-yellow", "assign");
        timelines.forget();
        assertThat(assigned.get("timeline")).isEqualTo(cases.get("office", r.number()).get("timeline"));
    }

    @Test
    void aRolledBackActionLeavesNothingInTheTimelineTheNextActionAnswers() {
        Cases.Registered r = cases.register();
        long id = jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(r.number()).query(Long.class).single();
        Actor office = tokens.authenticate(api.login("office", "demo1234")).orElseThrow();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            service.accept(r.number(), office, new CaseCommands.Accept(CaseKind.COMPLAINT, Complexity.GENERAL,
                    "LICENSE_DELAY"));
            status.setRollbackOnly();
        });
        // the version the rolled-back acceptance would have made is taken by a note
        service.note(id, "warning-yellow", "受理时限即将到期", Map.of("clock", "ACCEPTANCE"), null);

        JsonNode accepted = cases.act("office", r.number(), "accept", ACCEPT);

        assertThat(actions(accepted)).containsExactly("register", "warning-yellow", "accept");
        JsonNode assigned = cases.act("office", r.number(), "assign", Map.of("leadUnitCode", "SF-SCJG"));
        assertThat(actions(assigned)).containsExactly("register", "warning-yellow", "accept", "assign");
        timelines.forget();
        assertThat(assigned.get("timeline")).isEqualTo(cases.get("office", r.number()).get("timeline"));
    }
}
