package cn.yousu.shared;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The scheduled jobs (deadline watch, outbox delivery, the fold of the monthly sums, …) run on a few platform threads.
 * With virtual threads enabled Spring would start each run on a virtual thread, and the jobs' long blocking
 * conversations (an SMTP dialogue of several round trips per e-mail, batches of SQL) would pass every wait through
 * the virtual-thread poller; requests keep their virtual threads.
 */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    @Bean
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        return builder.poolSize(4).threadNamePrefix("yousu-job-").build();
    }
}
