package cn.yousu.identity;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions of the staff pages live in the database (tables SPRING_SESSION*, migration V202611230301), so any
 * application node behind a load balancer can serve any request. A session ends after
 * {@code yousu.web.session-timeout} without a request (30 minutes by default); expired rows are removed every
 * minute by whichever node gets there first.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class WebSessionConfiguration {

    static final String COOKIE = "YOUSU_SESSION";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
            @Value("${yousu.web.session-timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    @Bean
    CookieSerializer sessionCookie() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        return cookie;
    }
}
