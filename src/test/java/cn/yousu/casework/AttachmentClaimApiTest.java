package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.WriteBatch;
import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An upload belongs to one case. The check before an action refuses one already taken; the write itself refuses one
 * that another case took between that check and the commit (its UPDATE goes with the action's other writes), and
 * the action then changes nothing.
 */
class AttachmentClaimApiTest extends ApiTest {

    @Autowired
    Attachments attachments;
    @Autowired
    WriteBatch writes;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anUploadAnotherCaseTookMeanwhileIsRefusedAndNothingIsWritten() {
        String pdf = api.anonymous().upload("/api/v1/public/attachments", "收费票据.pdf", "%PDF-1.7 receipt".getBytes())
                .expect(201).text("id");
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        body.put("attachmentIds", List.of(pdf));
        Cases.Registered first = cases.register("office", body);
        Cases.Registered second = cases.register();
        long firstId = caseId(first.number());
        long secondId = caseId(second.number());
        int events = events(secondId);

        // the second case's unit of work passed its check before the first case took the upload
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> writes.together(() -> {
            writes.write("INSERT INTO case_event (case_id, at, actor, action) VALUES (?, CURRENT_TIMESTAMP, ?, ?)",
                    secondId, "office", "note");
            attachments.attach(List.of(pdf), secondId, "attachmentIds");
            return null;
        }))).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.errors()).hasSize(1);
            assertThat(p.errors().get(0).field()).isEqualTo("attachmentIds[0]");
            assertThat(p.errors().get(0).message()).isEqualTo("附件已用于其他诉求");
        });

        assertThat(jdbc.sql("SELECT case_id FROM attachment WHERE id = ?").param(pdf).query(Long.class).single())
                .isEqualTo(firstId);
        assertThat(events(secondId)).as("the unit of work rolled back").isEqualTo(events);
        assertThat(cases.get("office", first.number()).get("attachments").get(0).get("filename").asString())
                .isEqualTo("收费票据.pdf");
    }

    private long caseId(String number) {
        return jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(number).query(Long.class).single();
    }

    private int events(long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_id = ?").param(caseId).query(Integer.class).single();
    }
}
