package cn.yousu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yousu.support.ApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class NumberSequencesTest extends ApiTest {

    @Autowired
    NumberSequences sequences;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void drawsContinueFromTheCounterRowOfTheSameKey() {
        jdbc.sql("INSERT INTO number_sequence (seq_key, last_value) VALUES ('CASE:T1:2030', 41)").update();

        assertThat(sequences.draw("CASE:T1:2030")).isEqualTo(42);
        assertThat(sequences.draw("CASE:T1:2030")).isEqualTo(43);
        assertThat(sequences.draw("CASE:T2:2030")).isEqualTo(1);
    }

    @Test
    void keysThatLookAlikeKeepTheirOwnCounters() {
        assertThat(NumberSequences.sequenceName("CASE:T-3:2030")).isNotEqualTo(NumberSequences.sequenceName("CASE:T_3:2030"));
        assertThat(sequences.draw("CASE:T-3:2030")).isEqualTo(1);
        assertThat(sequences.draw("CASE:T_3:2030")).isEqualTo(1);
        assertThat(sequences.draw("CASE:T-3:2030")).isEqualTo(2);
    }

    @Test
    void concurrentDrawsNeverRepeatOrSkipANumber() throws Exception {
        List<Future<Long>> drawn = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                drawn.add(pool.submit(() -> sequences.draw("CASE:T4:2030")));
            }
        }
        List<Long> values = new ArrayList<>();
        for (Future<Long> f : drawn) {
            values.add(f.get());
        }
        assertThat(new HashSet<>(values)).hasSize(200);
        assertThat(Collections.min(values)).isEqualTo(1);
        assertThat(Collections.max(values)).isEqualTo(200);
    }

    @Test
    void aNumberDrawnInATransactionThatRollsBackIsNotDrawnAgain() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            assertThat(sequences.draw("CASE:T5:2030")).isEqualTo(1);
            throw new IllegalStateException("registration failed");
        })).hasMessage("registration failed");

        assertThat(sequences.draw("CASE:T5:2030")).isEqualTo(2);
    }
}
