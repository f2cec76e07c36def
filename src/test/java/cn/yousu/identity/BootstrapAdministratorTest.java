package cn.yousu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outside the demo profile no account with a known password exists; the first administrator comes from the one-time
 * setting YOUSU_BOOTSTRAP_ADMIN_PASSWORD.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yousu.bootstrap.admin-password=first-admin-Passw0rd")
@ActiveProfiles({"prod", "test"})
class BootstrapAdministratorTest {

    @LocalServerPort
    int port;

    @Test
    void onlyTheBootstrappedAdministratorExists() {
        Api api = new Api(port);
        api.anonymous().post("/api/v1/auth/token", Map.of("username", "office", "password", "demo1234")).problem(401);
        api.anonymous().post("/api/v1/auth/token", Map.of("username", "admin", "password", "demo1234")).problem(401);
        String token = api.login("admin", "first-admin-Passw0rd");
        assertThat(api.withToken(token).get("/api/v1/auth/me").json().get("roles").toString()).contains("ADMIN");
        // no demo region either: the administrator starts from an empty organisation tree
        assertThat(api.anonymous().get("/api/v1/regions").json()).isEmpty();
    }
}
