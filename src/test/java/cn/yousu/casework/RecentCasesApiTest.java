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
 * An action or a read answers a case this node wrote last without reading it and its timeline again, when the
 * database still holds the version this node wrote; what another writer changed or added meanwhile, and what was
 * rolled back, it answers as the database holds it.
 */
class RecentCasesApiTest extends ApiTest {

    @Autowired
    CaseService service;
    @Autowired
    RecentCases recent;
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

    /** The note the deadline watch writes when a case's acceptance clock turns yellow. */
    private void yellowWarning(String number, String comment) {
        long id = jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(number).query(Long.class).single();
        service.note(id, "warning-yellow", comment, Map.of("clock", "ACCEPTANCE"), null);
    }

    @Test
    void aNoteWrittenWithoutThisNodesActionsIsInTheNextActionsAnswer() {
        Cases.Registered r = cases.register();
        cases.act("office", r.number(), "accept", ACCEPT);
        // the deadline watch (or another node) writes to the case: its version moves on without this node's timeline
        yellowWarning(r.number(), "交办时限即将到期");

        JsonNode assigned = cases.act("office", r.number(), "assign", Map.of("leadUnitCode", "SF-SCJG"));

        assertThat(actions(assigned)).containsExactly("register", "accept", "warning-yellow", "assign");
        KeptCases.answersAsStored(cases, recent, assigned, r.number());
    }

    @Test
    void aRolledBackActionLeavesNothingInTheTimelineTheNextActionAnswers() {
        Cases.Registered r = cases.register();
        Actor office = tokens.authenticate(api.login("office", "demo1234")).orElseThrow();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            service.accept(r.number(), office, new CaseCommands.Accept(CaseKind.COMPLAINT, Complexity.GENERAL,
                    "LICENSE_DELAY"));
            status.setRollbackOnly();
        });
        // the version the rolled-back acceptance would have made is taken by a note
        yellowWarning(r.number(), "受理时限即将到期");

        JsonNode accepted = cases.act("office", r.number(), "accept", ACCEPT);

        assertThat(actions(accepted)).containsExactly("register", "warning-yellow", "accept");
        JsonNode assigned = cases.act("office", r.number(), "assign", Map.of("leadUnitCode", "SF-SCJG"));
        assertThat(actions(assigned)).containsExactly("register", "warning-yellow", "accept", "assign");
        KeptCases.answersAsStored(cases, recent, assigned, r.number());
    }

    @Test
    void aCaseAnotherNodeChangedIsReadAsTheDatabaseHoldsIt() {
        Cases.Registered r = cases.register();
        JsonNode accepted = cases.act("office", r.number(), "accept", ACCEPT);
        assertThat(accepted.get("categoryCode").asString()).isEqualTo("LICENSE_DELAY");
        // another node re-categorises the case: a new version this node never wrote
        jdbc.sql("UPDATE case_file SET category_code = 'ILLEGAL_FEES', version = version + 1 WHERE number = ?")
                .param(r.number()).update();

        assertThat(cases.get("office", r.number()).get("categoryCode").asString()).isEqualTo("ILLEGAL_FEES");
        JsonNode assigned = cases.act("office", r.number(), "assign", Map.of("leadUnitCode", "SF-SCJG"));
        assertThat(assigned.get("categoryCode").asString()).isEqualTo("ILLEGAL_FEES");
        assertThat(assigned.get("version").asInt()).isEqualTo(accepted.get("version").asInt() + 2);
    }
}
