package cn.yousu.shared;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connection settings the modules' plain SQL relies on. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** The PostgreSQL driver property that sends a batch of {@code INSERT … VALUES} as multi-row INSERTs. */
    static final String BATCHED_INSERTS = "reWriteBatchedInserts";

    /**
     * On PostgreSQL the driver sends a JDBC batch of INSERTs (a case action's outbox messages, monthly-sum changes,
     * clocks) as one multi-row INSERT instead of one statement per row: every statement costs the server its own
     * parse, plan and executor start, a tenth of its CPU per case action. A setting in the URL wins over this one.
     */
    @Bean
    static BeanPostProcessor postgresBatchedInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !pool.getDataSourceProperties().containsKey(BATCHED_INSERTS)) {
                    pool.addDataSourceProperty(BATCHED_INSERTS, "true");
                }
                return bean;
            }
        };
    }
}
