package cn.yousu.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Helpers for the plain SQL the modules write: which database the application runs on (for the few statements whose
 * syntax differs between H2 and PostgreSQL), and the placeholders of an IN list.
 */
public final class Databases {

    private Databases() {
    }

    /** {@code ?, ?, ?} for an IN list of {@code n} values. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    public static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }
}
