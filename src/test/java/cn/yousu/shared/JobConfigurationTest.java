package cn.yousu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

class JobConfigurationTest extends ApiTest {

    @Autowired
    TaskScheduler scheduler;

    @Test
    void scheduledJobsRunOnTheApplicationsOwnPlatformThreads() throws Exception {
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        scheduler.schedule(() -> ran.complete(Thread.currentThread()), Instant.now());

        Thread thread = ran.get(10, TimeUnit.SECONDS);
        assertThat(thread.isVirtual()).isFalse();
        assertThat(thread.getName()).startsWith("yousu-job-");
    }
}
