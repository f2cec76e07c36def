package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.Api;
import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Of two actions on one case at the same moment, exactly one succeeds; the other gets 409. */
class ConcurrencyApiTest extends ApiTest {


    @RepeatedTest(5)
    void twoOfficersAcceptingAndRejectingTheSameCase() throws Exception {
        Cases.Registered r = cases.register();
        List<Api.Response> answers = race(
                () -> api.as("office").post("/api/v1/cases/" + r.number() + "/accept",
                        Map.of("kind", "COMPLAINT", "complexity", "GENERAL", "categoryCode", "LICENSE_DELAY")),
                () -> api.as("office").post("/api/v1/cases/" + r.number() + "/reject",
                        Map.of("reasons", List.of("OUT_OF_SCOPE"), "explanation", "不属于受理范围")));
        assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
        String status = cases.get("office", r.number()).get("status").asString();
        assertThat(status).isIn("ACCEPTED", "REJECTED");
        // exactly one decision on the timeline
        assertThat(cases.timelineActions("office", r.number())).containsOnlyOnce("register")
                .hasSize(2);
    }

    @Test
    void twoHandlersSigningTheSameCase() throws Exception {
        Cases.Registered r = cases.register();
        cases.accept(r.number(), "GENERAL");
        cases.assign(r.number(), "SF-SCJG");
        List<Api.Response> answers = race(
                () -> api.as("scjg").post("/api/v1/cases/" + r.number() + "/sign"),
                () -> api.as("scjg-head").post("/api/v1/cases/" + r.number() + "/sign"));
        assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(cases.timelineActions("office", r.number())).containsOnlyOnce("sign");
    }

    interface Call {
        Api.Response call();
    }

    List<Api.Response> race(Call first, Call second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (Call call : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                answers.add(f.get());
            }
            answers.stream().filter(a -> a.status() == 409).forEach(a -> a.problem(409));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
