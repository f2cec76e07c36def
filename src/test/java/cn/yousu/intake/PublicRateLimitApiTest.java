package cn.yousu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.Api;
import cn.yousu.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The public side is rate limited per address: a 429 problem, and nothing is registered beyond the limit. */
@TestPropertySource(properties = {"yousu.public.submissions-per-hour=2", "yousu.public.lookups-per-minute=5"})
class PublicRateLimitApiTest extends ApiTest {

    @Test
    void submissionsAndLookupsBeyondTheLimitAre429() {
        List<Integer> statuses = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = cn.yousu.support.Cases.complaint("SF", "SF-SCJG");
            body.remove("channel");
            Api.Response r = api.anonymous().post("/api/v1/public/cases", body);
            statuses.add(r.status());
            if (r.status() == 201) {
                numbers.add(r.text("number"));
            }
        }
        assertThat(statuses).containsExactly(201, 201, 429);
        api.anonymous().post("/api/v1/public/cases", Map.of()).problem(429);

        for (int i = 0; i < 5; i++) {
            api.anonymous().get("/api/v1/public/cases/" + numbers.get(0) + "?code=WRONGCOD").problem(404);
        }
        // guessing tracking codes stops here
        api.anonymous().get("/api/v1/public/cases/" + numbers.get(0) + "?code=WRONGCOD").problem(429);
    }
}
