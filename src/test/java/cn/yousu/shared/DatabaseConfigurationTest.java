package cn.yousu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
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
}
