package cn.yousu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DatabaseConfigurationTest extends ApiTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onPostgresqlABatchOfInsertsGoesAsMultiRowInsertsAndEveryRowArrives() {
        jdbc.execute("CREATE TABLE batch_probe (id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(20) NOT NULL)");
        List<Object[]> rows = IntStream.rangeClosed(1, 37).mapToObj(i -> new Object[] {i, "行" + i}).toList();

        int[] counts = jdbc.batchUpdate("INSERT INTO batch_probe (id, label) VALUES (?, ?)", rows);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_probe", Integer.class)).isEqualTo(37);
        assertThat(jdbc.queryForObject("SELECT label FROM batch_probe WHERE id = 37", String.class)).isEqualTo("行37");
        HikariDataSource pool = (HikariDataSource) dataSource;
        if (TestDatabases.postgres()) {
            // the driver reports the rows of a multi-row INSERT as "succeeded, count unknown" (it sends 32 + 4 + 1)
            assertThat(pool.getDataSourceProperties()).containsEntry(DatabaseConfiguration.BATCHED_INSERTS, "true");
            assertThat(counts).hasSize(37).containsOnly(Statement.SUCCESS_NO_INFO, 1)
                    .contains(Statement.SUCCESS_NO_INFO);
        } else {
            // H2 would refuse a setting it does not know
            assertThat(pool.getDataSourceProperties()).doesNotContainKey(DatabaseConfiguration.BATCHED_INSERTS);
            assertThat(counts).containsOnly(1);
        }
    }

    /** Where Debian's PostgreSQL listens beside the application. */
    static final Path SOCKET = Path.of("/var/run/postgresql/.s.PGSQL.5432");

    /**
     * README's URL for a PostgreSQL on the same machine connects through its Unix socket (junixsocket's factory,
     * shipped with the application): the server sees a local connection, no TCP address.
     */
    @Test
    void theUrlForAPostgresqlOnTheSameMachineConnectsThroughItsUnixSocket() throws Exception {
        // the factory README names is on the application's class path, on either database
        assertThat(Class.forName("org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg")).isNotNull();
        if (TestDatabases.postgres() && Files.exists(SOCKET)) {
            String url = "jdbc:postgresql://localhost/postgres?user=postgres"
                    + "&socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg&socketFactoryArg=" + SOCKET;
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT inet_server_addr() IS NULL, current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("a Unix-socket connection has no server address").isTrue();
                assertThat(rs.getString(2)).isEqualTo("postgres");
            }
        }
    }
}
