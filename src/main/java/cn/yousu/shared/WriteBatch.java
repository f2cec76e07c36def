package cn.yousu.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes whose answer no one waits for (a timeline entry, a read-model row, a deadline clock), collected while a unit
 * of work runs and sent together when it ends: on PostgreSQL as one multi-statement query, in one round trip, instead
 * of one round trip each. A case action wrote up to ten rows in as many round trips after its UPDATE; each round
 * trip costs both processes a wake-up, and on a busy two-core server a third of the database's work per request was
 * outside its statements. The statements run in the order they were added, in the caller's transaction, before
 * anything after the unit of work; a write outside a unit of work runs at once. Inside one, a read does not see what
 * is still collected, so the unit of work must not read what it wrote (a case action's listeners write only).
 */
@Component
public class WriteBatch {

    private record Write(String sql, Object[] args, int nullType, Runnable ifNone, String keyColumn,
            Consumer<List<Long>> keys) {

        Write(String sql, Object[] args, int nullType, Runnable ifNone) {
            this(sql, args, nullType, ifNone, null, null);
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final DataSource dataSource;

    /** The writes of the unit of work running on this thread, and the transaction it runs in (null: none). */
    private record Collecting(List<Write> writes, Object transaction) {
    }

    private final ThreadLocal<Collecting> collecting = new ThreadLocal<>();

    public WriteBatch(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /**
     * Runs {@code work}, collecting the writes it adds, and sends them when it ends, also when it fails (what ran
     * before the failure is written as it would have been at once; the transaction decides whether it stays). A unit
     * of work inside another adds to the outer one. A write made meanwhile in another transaction (one started
     * anew inside) runs at once, in that transaction.
     */
    public <T> T together(Supplier<T> work) {
        if (collecting.get() != null) {
            return work.get();
        }
        List<Write> writes = new ArrayList<>();
        collecting.set(new Collecting(writes, transaction()));
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            collecting.remove();
            try {
                send(writes);
            } catch (RuntimeException second) {
                e.addSuppressed(second);
            }
            throw e;
        }
        collecting.remove();
        send(writes);
        return result;
    }

    /** Writes with {@code sql} and {@code args}: with the unit of work's batch, or at once outside one. */
    public void write(String sql, Object... args) {
        write(sql, args, null);
    }

    /**
     * Writes with {@code sql} and {@code args}; when the statement changed no row, {@code ifNone} runs next (an UPDATE
     * whose row is missing inserts it), after the batch and before the caller goes on.
     */
    public void write(String sql, Object[] args, Runnable ifNone) {
        add(new Write(sql, args, Types.NULL, ifNone));
    }

    /**
     * The same statement for each row of {@code rows} (an {@code INSERT … VALUES (?, …)} as one statement of all the
     * rows), a null bound as {@code nullType}: a statement whose nulls and values in one place differ in type is
     * prepared again by the PostgreSQL driver each time the type changes.
     */
    public void writeRows(String sql, List<Object[]> rows, int nullType) {
        addRows(sql, rows, nullType, null, null);
    }

    /** {@code (?, ?, …)}: compiled once, as every action's rows pass here (String.matches compiles each time). */
    private static final Pattern ONE_ROW_OF_VALUES = Pattern.compile("\\(\\?(, \\?)*\\)");

    /** Rows in one multi-row INSERT at most. */
    static final int ROWS_PER_INSERT = 100;

    /** Parameters in one query of several statements at most (pgjdbc refuses more than 65,535). */
    static final int MAX_PARAMETERS = 30_000;

    /**
     * An {@code INSERT … VALUES (?, …)} of each row of {@code rows} (as {@link #writeRows}), whose generated keys (of
     * {@code keyColumn}, in the order of the rows) go to {@code keys} once it ran: after the batch, before the caller
     * goes on (at once outside a unit of work).
     */
    public void insertRows(String sql, List<Object[]> rows, String keyColumn, Consumer<List<Long>> keys) {
        addRows(sql, rows, Types.NULL, keyColumn, keys);
    }

    private void addRows(String sql, List<Object[]> rows, int nullType, String keyColumn, Consumer<List<Long>> keys) {
        if (rows.isEmpty()) {
            if (keys != null) {
                keys.accept(List.of());
            }
            return;
        }
        String row = sql.substring(Math.max(0, sql.lastIndexOf('(')));
        boolean oneRowOfValues = sql.stripLeading().regionMatches(true, 0, "INSERT", 0, 6)
                && ONE_ROW_OF_VALUES.matcher(row).matches();
        // an INSERT of one row of VALUES: one statement of up to ROWS_PER_INSERT rows (as the driver rewrites a JDBC
        // batch), far below either database's limit of parameters however many rows a chunk of warnings brings
        int perStatement = oneRowOfValues ? ROWS_PER_INSERT : 1;
        List<Long> allKeys = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += perStatement) {
            int to = Math.min(rows.size(), from + perStatement);
            List<Object[]> part = rows.subList(from, to);
            StringBuilder all = new StringBuilder(sql);
            List<Object> args = new ArrayList<>(Arrays.asList(part.get(0)));
            for (Object[] r : part.subList(1, part.size())) {
                all.append(", ").append(row);
                args.addAll(Arrays.asList(r));
            }
            // the statements run in order: the last one's keys complete the rows'
            boolean last = to == rows.size();
            Consumer<List<Long>> partKeys = keys == null ? null : ids -> {
                allKeys.addAll(ids);
                if (last) {
                    keys.accept(List.copyOf(allKeys));
                }
            };
            add(new Write(all.toString(), args.toArray(), nullType, null, keyColumn, partKeys));
        }
    }

    /** As {@link #writeRows(String, List, int)}, a null bound untyped. */
    public void writeRows(String sql, List<Object[]> rows) {
        writeRows(sql, rows, Types.NULL);
    }

    private void add(Write w) {
        Collecting c = collecting.get();
        if (c != null && c.transaction() == transaction()) {
            c.writes().add(w);
        } else {
            send(List.of(w));
        }
    }

    /** What holds the current transaction's connection (none outside a transaction). */
    private Object transaction() {
        return TransactionSynchronizationManager.getResource(dataSource);
    }

    private void send(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        List<List<Long>> keys = new ArrayList<>(writes.size());
        int[] counts = jdbc.execute((ConnectionCallback<int[]>) c -> {
            int[] all = new int[writes.size()];
            // a query of several statements may carry at most 65,535 parameters in all (pgjdbc): a longer batch
            // goes as several queries
            int from = 0;
            while (from < writes.size()) {
                int to = from + 1;
                int parameters = writes.get(from).args().length;
                while (to < writes.size() && parameters + writes.get(to).args().length <= MAX_PARAMETERS) {
                    parameters += writes.get(to).args().length;
                    to++;
                }
                List<Write> part = writes.subList(from, to);
                int[] counted = postgres && part.size() > 1 ? together(c, part, keys) : oneByOne(c, part, keys);
                System.arraycopy(counted, 0, all, from, counted.length);
                from = to;
            }
            return all;
        });
        for (int i = 0; i < writes.size(); i++) {
            Write w = writes.get(i);
            if (w.keys() != null) {
                w.keys().accept(keys.get(i));
            }
            if (counts[i] == 0 && w.ifNone() != null) {
                w.ifNone().run();
            }
        }
    }

    /** One query of all the statements (pgjdbc sends each with its parameters, then one Sync). */
    private static int[] together(Connection c, List<Write> writes, List<List<Long>> keys) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (Write w : writes) {
            sql.append(w.sql()).append(w.keys() == null ? "" : " RETURNING " + w.keyColumn()).append(";\n");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int at = 0;
            for (Write w : writes) {
                bind(ps, w.args(), at, w.nullType());
                at += w.args().length;
            }
            int[] counts = new int[writes.size()];
            boolean resultSet = ps.execute();
            for (int i = 0; i < counts.length; i++) {
                if (resultSet != (writes.get(i).keys() != null)) {
                    throw new IllegalStateException("unexpected answer to a collected write: " + writes.get(i).sql());
                }
                if (resultSet) {
                    try (ResultSet rs = ps.getResultSet()) {
                        keys.add(longs(rs));
                    }
                    counts[i] = keys.get(i).size();
                } else {
                    keys.add(null);
                    counts[i] = ps.getUpdateCount();
                }
                resultSet = ps.getMoreResults();
            }
            return counts;
        }
    }

    private static int[] oneByOne(Connection c, List<Write> writes, List<List<Long>> keys) throws SQLException {
        int[] counts = new int[writes.size()];
        for (int i = 0; i < counts.length; i++) {
            Write w = writes.get(i);
            try (PreparedStatement ps = w.keys() == null ? c.prepareStatement(w.sql())
                    : c.prepareStatement(w.sql(), new String[] {w.keyColumn()})) {
                bind(ps, w.args(), 0, w.nullType());
                counts[i] = ps.executeUpdate();
                if (w.keys() == null) {
                    keys.add(null);
                } else {
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        keys.add(longs(rs));
                    }
                }
            }
        }
        return counts;
    }

    private static List<Long> longs(ResultSet rs) throws SQLException {
        List<Long> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getLong(1));
        }
        return values;
    }

    /** Binds {@code values} from parameter {@code offset + 1} on: a null as untyped, a timestamp with its offset. */
    public static void bind(PreparedStatement ps, Object[] values, int offset) throws SQLException {
        bind(ps, values, offset, Types.NULL);
    }

    /** As {@link #bind(PreparedStatement, Object[], int)}, a null bound with {@code nullType}. */
    public static void bind(PreparedStatement ps, Object[] values, int offset, int nullType) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                ps.setNull(offset + i + 1, nullType);
            } else if (v instanceof OffsetDateTime t) {
                ps.setObject(offset + i + 1, t, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(offset + i + 1, v);
            }
        }
    }
}
