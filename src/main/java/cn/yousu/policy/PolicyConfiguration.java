package cn.yousu.policy;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the policy in force at start-up: a file when {@code yousu.policy.file} is set, else the preset. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    Policy policy(@Value("${yousu.policy.preset:zaoyang}") String preset,
            @Value("${yousu.policy.file:}") String file) {
        Policy policy = file == null || file.isBlank() ? PolicyLoader.preset(preset) : PolicyLoader.file(Path.of(file));
        log.info("Policy in force: {} ({})", policy.name(), policy.preset());
        return policy;
    }
}
