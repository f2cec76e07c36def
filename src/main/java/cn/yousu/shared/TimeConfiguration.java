package cn.yousu.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application: every module asks this bean for "now", so tests can move
 * time forward across a weekend or a holiday and watch deadlines pass.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    @Bean
    ZoneId applicationZone(@Value("${yousu.time-zone:Asia/Shanghai}") String zone) {
        return ZoneId.of(zone);
    }

    @Bean
    Clock clock(ZoneId applicationZone) {
        return Clock.system(applicationZone);
    }
}
