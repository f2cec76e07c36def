package cn.yousu.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own: an in-memory H2 by default, or, when the build
 * runs the PostgreSQL suite ({@code -Dyousu.test.database=postgresql}), a fresh database on 127.0.0.1:5432 that
 * is dropped when the JVM ends. The same tests run on both.
 */
public class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY = "yousu.test.database";
    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final List<String> CREATED = new ArrayList<>();
    private static boolean cleaned;

    public static boolean postgres() {
        return "postgresql".equals(System.getProperty(PROPERTY));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = postgres() ? createPostgresDatabase()
                : "jdbc:h2:mem:yousu-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("yousu-test-database", Map.of("spring.datasource.url", url)));
    }

    static synchronized String createPostgresDatabase() {
        String name = "yousu_test_" + System.currentTimeMillis() / 1000 + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            if (!cleaned) {
                dropStale(s);
                cleaned = true;
            }
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database on PostgreSQL at 127.0.0.1:5432", e);
        }
        if (CREATED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated));
        }
        CREATED.add(name);
        return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
    }

    /** Test databases older than a day were left by a killed run. */
    private static void dropStale(Statement s) throws SQLException {
        long dayAgo = System.currentTimeMillis() / 1000 - 86_400;
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'yousu\\_test\\_%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                if (parts.length >= 3 && parts[2].matches("\\d+") && Long.parseLong(parts[2]) < dayAgo) {
                    stale.add(rs.getString(1));
                }
            }
        }
        for (String name : stale) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void dropCreated() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            // the next run drops what is older than a day
        }
    }
}
