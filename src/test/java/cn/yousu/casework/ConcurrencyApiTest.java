package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import cn.yousu.identity.Actor;
import cn.yousu.identity.TokenService;
import cn.yousu.shared.ApiProblem;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Of two actions on one case at the same moment, exactly one succeeds; the other gets 409. */
class ConcurrencyApiTest extends ApiTest {

    @Autowired
    CaseService service;
    @Autowired
    TokenService tokens;
    @Autowired
    PlatformTransactionManager transactions;

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

    /** Runs {@code work} in a transaction of its own, committed before it returns (another user, another request). */
    private void meanwhile(Runnable work) {
        TransactionTemplate separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separate.executeWithoutResult(status -> work.run());
    }

    private Actor actor(String username) {
        return tokens.authenticate(api.login(username, "demo1234")).orElseThrow();
    }

    @Test
    void anAcceptanceThatMeetsTheWatchsWarningNoteOnTheSameCaseStillGoesThrough() {
        Cases.Registered r = cases.register();
        Actor office = actor("office");
        AtomicInteger tries = new AtomicInteger();

        // between the officer's read and write, the deadline watch records a yellow warning on the case
        Case accepted = transactionally(() -> service.act(r.number(), office, (c, rules) -> {
            if (tries.incrementAndGet() == 1) {
                meanwhile(() -> service.note(c.id(), "warning-yellow", "受理时限即将到期", Map.of(), null));
            }
            c.accept(office, CaseKind.COMPLAINT, Complexity.GENERAL, "LICENSE_DELAY", rules);
        }));

        assertThat(tries).hasValue(2); // judged again against the case as it then stood
        assertThat(accepted.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(cases.timelineActions("office", r.number())).containsExactly("register", "warning-yellow",
                "accept");
    }

    @Test
    void anActionThatMeetsAnotherPersonsActionOnTheSameCaseAnswers409AndChangesNothing() {
        Cases.Registered r = cases.register();
        Actor office = actor("office");

        assertThatThrownBy(() -> transactionally(() -> service.act(r.number(), office, (c, rules) -> {
            meanwhile(() -> service.reject(r.number(), office, new CaseCommands.Reject(List.of(cn.yousu.policy.RejectionReason.OUT_OF_SCOPE),
                    "不属于受理范围")));
            c.accept(office, CaseKind.COMPLAINT, Complexity.GENERAL, "LICENSE_DELAY", rules);
        }))).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status().value()).isEqualTo(409);
            assertThat(p.type()).isEqualTo("concurrent-change");
        });

        assertThat(cases.get("office", r.number()).get("status").asString()).isEqualTo("REJECTED");
        assertThat(cases.timelineActions("office", r.number())).containsExactly("register", "reject");
    }

    private Case transactionally(java.util.function.Supplier<Case> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
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
