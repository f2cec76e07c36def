package cn.yousu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yousu.support.ApiTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes collected in a unit of work reach the database when it ends, in order, as if each had run at once. */
class WriteBatchTest extends ApiTest {

    @Autowired
    WriteBatch writes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    private Long value(String key) {
        return jdbc.sql("SELECT last_value FROM number_sequence WHERE seq_key = ?").param(key).query(Long.class)
                .optional().orElse(null);
    }

    @Test
    void writesInAUnitOfWorkAreSentWhenItEndsInTheOrderTheyWereAdded() {
        List<Long> seenInside = new ArrayList<>();
        transaction.executeWithoutResult(status -> writes.together(() -> {
            writes.write("INSERT INTO number_sequence (seq_key, last_value) VALUES (?, ?)", "WB:ORDER", 1L);
            writes.write("UPDATE number_sequence SET last_value = last_value * 10 + ? WHERE seq_key = ?", 2L,
                    "WB:ORDER");
            writes.together(() -> {
                writes.write("UPDATE number_sequence SET last_value = last_value * 10 + ? WHERE seq_key = ?", 3L,
                        "WB:ORDER");
                return null;
            });
            seenInside.add(value("WB:ORDER"));
            return null;
        }));

        assertThat(seenInside).containsExactly((Long) null);
        assertThat(value("WB:ORDER")).isEqualTo(123L);
    }

    @Test
    void anUpdateThatChangedNoRowRunsWhatWasGivenForThatCase() {
        for (long v : new long[] {7, 8}) {
            transaction.executeWithoutResult(status -> writes.together(() -> {
                writes.write("UPDATE number_sequence SET last_value = ? WHERE seq_key = ?", new Object[] {v, "WB:UPSERT"},
                        () -> writes.write("INSERT INTO number_sequence (seq_key, last_value) VALUES (?, ?)",
                                "WB:UPSERT", v * 100));
                return null;
            }));
        }

        // the first found no row and inserted it; the second updated it and inserted nothing
        assertThat(value("WB:UPSERT")).isEqualTo(8L);
    }

    @Test
    void rowsOfOneInsertKeepTheirNullsAndTimes() {
        OffsetDateTime at = Instant.parse("2026-10-01T01:02:03.456Z").atOffset(ZoneOffset.UTC);
        transaction.executeWithoutResult(status -> writes.together(() -> {
            writes.writeRows("""
                    INSERT INTO notification_inbox (username, template, title, body, case_number, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", List.of(new Object[] {"wb-a", "ASSIGNED", "一", "甲", "SF-1", at},
                    new Object[] {"wb-b", "ASSIGNED", "二", "乙", null, at},
                    new Object[] {"wb-c", "ASSIGNED", "三", "丙", "SF-3", at}));
            return null;
        }));

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT username, title, case_number, created_at FROM notification_inbox WHERE username LIKE 'wb-%'
                ORDER BY username""").query().listOfRows();
        assertThat(rows).extracting(r -> r.get("username") + "/" + r.get("title") + "/" + r.get("case_number"))
                .containsExactly("wb-a/一/SF-1", "wb-b/二/null", "wb-c/三/SF-3");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_inbox WHERE username LIKE 'wb-%' AND created_at = ?")
                .param(at).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void anInsertAnswersTheKeysOfItsRowsInTheirOrderOnceItRan() {
        String insert = """
                INSERT INTO notification_inbox (username, template, title, body, case_number, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""";
        OffsetDateTime at = Instant.parse("2026-10-01T01:02:03Z").atOffset(ZoneOffset.UTC);
        List<Object[]> first = new ArrayList<>();
        // more rows than one statement takes: their keys come back as one list, in the order of the rows
        for (int i = 0; i < WriteBatch.ROWS_PER_INSERT + 50; i++) {
            first.add(new Object[] {"wb-k1-%03d".formatted(i), "ASSIGNED", "t", "b", null, at});
        }
        List<List<Long>> answered = new ArrayList<>();
        List<Integer> answeredBeforeTheEnd = new ArrayList<>();
        transaction.executeWithoutResult(status -> writes.together(() -> {
            writes.write("INSERT INTO number_sequence (seq_key, last_value) VALUES (?, ?)", "WB:KEYS", 1L);
            writes.insertRows(insert, first, "id", answered::add);
            answeredBeforeTheEnd.add(answered.size());
            return null;
        }));
        // alone, outside a unit of work
        writes.insertRows(insert, List.<Object[]>of(new Object[] {"wb-k2-a", "ASSIGNED", "t", "b", null, at},
                new Object[] {"wb-k2-b", "ASSIGNED", "t", "b", null, at}), "id", answered::add);

        assertThat(answeredBeforeTheEnd).containsExactly(0);
        List<Long> stored = jdbc.sql("SELECT id FROM notification_inbox WHERE username LIKE 'wb-k%' ORDER BY username")
                .query(Long.class).list();
        assertThat(answered).containsExactly(stored.subList(0, first.size()),
                stored.subList(first.size(), first.size() + 2));
        assertThat(value("WB:KEYS")).isEqualTo(1L);
    }

    @Test
    void moreRowsThanOneStatementMayHaveParametersForAreAllWritten() {
        // 66,000 parameters: more than PostgreSQL takes in one statement (65,535)
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 33_000; i++) {
            rows.add(new Object[] {"WB:MANY:" + i, (long) i});
        }
        transaction.executeWithoutResult(status -> writes.together(() -> {
            writes.writeRows("INSERT INTO number_sequence (seq_key, last_value) VALUES (?, ?)", rows);
            return null;
        }));

        assertThat(jdbc.sql("SELECT COUNT(*), SUM(last_value) FROM number_sequence WHERE seq_key LIKE 'WB:MANY:%'")
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2)).single())
                .isEqualTo(rows.size() + "/" + (rows.size() * (rows.size() - 1) / 2));
    }

    @Test
    void whatWasAddedBeforeAFailureIsWrittenAsIfItHadRunAtOnce() {
        assertThatThrownBy(() -> writes.together(() -> {
            writes.write("INSERT INTO number_sequence (seq_key, last_value) VALUES (?, ?)", "WB:FAIL", 1L);
            throw new IllegalStateException("the listener failed");
        })).isInstanceOf(IllegalStateException.class);

        // no transaction here: each write commits on its own, as it would have without the batch
        assertThat(value("WB:FAIL")).isEqualTo(1L);
    }

    @Test
    void aWriteInATransactionStartedAnewInsideAUnitOfWorkRunsAtOnceInThatTransaction() {
        TransactionTemplate separate = new TransactionTemplate(transaction.getTransactionManager());
        separate.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        List<Long> seenInside = new ArrayList<>();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> writes.together(() -> {
            writes.write("INSERT INTO number_sequence (seq_key, last_value) VALUES (?, ?)", "WB:OUTER", 1L);
            separate.executeWithoutResult(inner -> writes.write(
                    "INSERT INTO number_sequence (seq_key, last_value) VALUES (?, ?)", "WB:INNER", 2L));
            seenInside.add(value("WB:INNER"));
            throw new IllegalStateException("the outer unit of work fails");
        }))).isInstanceOf(IllegalStateException.class);

        // the inner transaction wrote and committed on its own; the outer one rolled back what it collected
        assertThat(seenInside).containsExactly(2L);
        assertThat(value("WB:INNER")).isEqualTo(2L);
        assertThat(value("WB:OUTER")).isNull();
    }

    @Test
    void aWriteOutsideAUnitOfWorkRunsAtOnce() {
        writes.write("INSERT INTO number_sequence (seq_key, last_value) VALUES (?, ?)", "WB:NOW", 5L);

        assertThat(value("WB:NOW")).isEqualTo(5L);
    }

    @Test
    void aFailingStatementFailsTheUnitOfWorkAndItsTransactionKeepsNothing() {
        writes.write("INSERT INTO number_sequence (seq_key, last_value) VALUES (?, ?)", "WB:TAKEN", 1L);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> writes.together(() -> {
            writes.write("INSERT INTO number_sequence (seq_key, last_value) VALUES (?, ?)", "WB:NEW", 1L);
            writes.write("INSERT INTO number_sequence (seq_key, last_value) VALUES (?, ?)", "WB:TAKEN", 2L);
            return null;
        }))).isInstanceOf(DuplicateKeyException.class);

        assertThat(value("WB:NEW")).isNull();
        assertThat(value("WB:TAKEN")).isEqualTo(1L);
    }
}
