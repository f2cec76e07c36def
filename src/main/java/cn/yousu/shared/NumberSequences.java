package cn.yousu.shared;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters for document numbers: case numbers per region and year ({@link #draw}; with the new row's id in the same
 * round trip, {@link #drawWithRowId}), 〔2026〕N号 per office and year ({@link #next}).
 */
@Component
public class NumberSequences {

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;
    private final boolean postgres;
    /**
     * The sequence of each key known to exist (created by this process or found), by key: a registration neither
     * hashes its key again (it showed in profiles) nor asks whether its sequence exists.
     */
    private final Map<String, String> ready = new ConcurrentHashMap<>();
    /** The sequence behind each table's identity column (PostgreSQL), by table. */
    private final Map<String, String> identities = new ConcurrentHashMap<>();

    public NumberSequences(JdbcClient jdbc, PlatformTransactionManager transactions, DataSource dataSource) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.postgres = Databases.isPostgres(dataSource);
    }

    /**
     * Draws the next value of {@code key} from a database sequence of its own. A sequence never makes two callers
     * wait for each other, inside a transaction or not: a counter row, by contrast, stays locked until its
     * transaction's commit reaches the disk, which capped registrations at one per disk flush. The price: a
     * registration that fails afterwards leaves its number unused, and after a database crash PostgreSQL may skip a
     * few numbers.
     */
    public long draw(String key) {
        String name = sequenceOf(key);
        return jdbc.sql(postgres ? "SELECT nextval('" + name + "')" : "SELECT NEXT VALUE FOR " + name)
                .query(Long.class).single();
    }

    /** A number drawn from {@code key}'s sequence, and the id its row will have, when drawn with it. */
    public record Drawn(long number, Long rowId) {
    }

    /**
     * As {@link #draw}, and on PostgreSQL in the same round trip the next id of {@code table}'s identity column: the
     * caller can then write the row with its other rows in one batch instead of waiting for the row's id first (a round
     * trip of the five a registration took). Elsewhere {@code rowId} is null and the row's id comes with its INSERT.
     */
    public Drawn drawWithRowId(String key, String table) {
        if (!postgres) {
            return new Drawn(draw(key), null);
        }
        String identity = identities.computeIfAbsent(table, t -> jdbc.sql("SELECT pg_get_serial_sequence(?, 'id')")
                .param(t).query(String.class).single());
        return jdbc.sql("SELECT nextval('" + sequenceOf(key) + "'), nextval('" + identity + "')")
                .query((rs, row) -> new Drawn(rs.getLong(1), rs.getLong(2))).single();
    }

    /** The name of {@code key}'s sequence, created when it does not exist yet. */
    private String sequenceOf(String key) {
        String name = ready.get(key);
        if (name == null) {
            String created = sequenceName(key);
            try {
                // DDL in a transaction of its own, so that it does not roll back with the caller's
                separateTransaction.executeWithoutResult(status -> create(created, key));
            } catch (DataAccessException raced) {
                // another node created it at the same moment (PostgreSQL may then report a duplicate catalog entry)
            }
            ready.put(key, created);
            name = created;
        }
        return name;
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

    /** Creates the sequence, continuing from a counter row of the same key if numbers were drawn there before. */
    private void create(String name, String key) {
        long start = jdbc.sql("SELECT last_value FROM number_sequence WHERE seq_key = ?").param(key)
                .query(Long.class).optional().orElse(0L) + 1;
        jdbc.sql("CREATE SEQUENCE IF NOT EXISTS " + name + " START WITH " + start).update();
    }

    /** A safe SQL identifier for the key, distinct for distinct keys. */
    static String sequenceName(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        String readable = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (readable.length() > 40) {
            readable = readable.substring(0, 40);
        }
        return "numseq_" + readable + "_" + Long.toHexString(crc.getValue());
    }
}
