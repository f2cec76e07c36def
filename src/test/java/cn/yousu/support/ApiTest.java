package cn.yousu.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the HTTP tests: the whole application on a random port with the demo data, its own database (H2, or
 * PostgreSQL in the PostgreSQL run) and a clock the test controls, set to {@link #MONDAY_MORNING} before each test.
 * All subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClockConfiguration.class)
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    /** "Now" at the start of every test unless the test sets another: Monday 2026-11-23, 09:00 in Shanghai. */
    public static final String MONDAY_MORNING = "2026-11-23T09:00:00+08:00";

    protected Api api;
    protected Cases cases;

    @BeforeEach
    void connect() {
        api = Apis.forPort(port);
        cases = new Cases(api);
        clock.set(MONDAY_MORNING);
    }
}
