package cn.yousu.shared;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free counters for document numbers (case numbers per region and year, 〔2026〕N号 per office and year).
 * The increment holds a row lock until the surrounding transaction ends, so callers draw a number as
 * late in their transaction as they can.
 */
@Component
public class NumberSequences {

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    public NumberSequences(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Draws the next value of {@code key}. Outside a transaction it is drawn in a short transaction of its own and
     * committed at once, so that the counter row is locked only for that moment (case numbers under heavy
     * registration; a registration that fails afterwards leaves its number unused). Inside a transaction it is drawn
     * in that transaction, as {@link #next}: waiting for a second pooled connection while holding one could exhaust
     * the pool.
     */
    public long draw(String key) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return next(key);
        }
        Long value = separateTransaction.execute(status -> next(key));
        return value;
    }

    /** The next value of the counter {@code key}, starting at 1, in the caller's transaction (gap-free). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String key) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql("UPDATE number_sequence SET last_value = last_value + 1 WHERE seq_key = ?")
                    .param(key).update();
            if (updated == 1) {
                return jdbc.sql("SELECT last_value FROM number_sequence WHERE seq_key = ?")
                        .param(key).query(Long.class).single();
            }
            try {
                // a new counter is created in its own transaction so that it exists for everyone at once
                separateTransaction.executeWithoutResult(status -> jdbc
                        .sql("INSERT INTO number_sequence (seq_key, last_value) VALUES (?, 0)").param(key).update());
            } catch (DuplicateKeyException raced) {
                // another transaction created it first: increment it on the next pass
            }
        }
        throw new IllegalStateException("cannot draw a number from sequence " + key);
    }
}
