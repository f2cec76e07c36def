package cn.yousu.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL run, skips the suite with a clear message when 127.0.0.1:5432 does not answer — except under
 * {@code CI=true}, where a missing PostgreSQL fails the build instead of skipping it.
 */
public class PostgresRequirement implements ExecutionCondition {

    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabases.postgres()) {
            return ConditionEvaluationResult.enabled("H2 run");
        }
        if (reachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at 127.0.0.1:5432 answers");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but PostgreSQL at 127.0.0.1:5432 is not reachable: "
                    + "the PostgreSQL suite must run in CI");
        }
        return ConditionEvaluationResult.disabled("PostgreSQL at 127.0.0.1:5432 is not reachable: "
                + "the PostgreSQL suite is skipped (it runs when a PostgreSQL answers there)");
    }

    static synchronized boolean reachable() {
        if (reachable == null) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
                reachable = true;
            } catch (IOException e) {
                reachable = false;
            }
        }
        return reachable;
    }
}
