package cn.yousu.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The pages: a sign-in form with the API's accounts, sessions kept in the database ({@link WebSessionConfiguration}),
 * CSRF tokens on every form (htmx sends the token as a header), a strict content security policy. The public portal
 * ({@code /}, {@code /public/**}, {@code /track}) needs no sign-in; {@code /admin/**} needs an administrator; every
 * other page needs a signed-in user. The JSON API keeps its own stateless chain with bearer tokens.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    /** Pages anyone may open. A module adds a public page by putting it under {@code /public/}. */
    static final String[] PUBLIC = {"/", "/public/**", "/track", "/track/**", "/login", "/assets/**", "/webjars/**",
            "/favicon.ico", "/error"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, PasswordLogin login, SessionActors actors) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // remember only full-page visits, to return to them after signing in
        requestCache.setRequestMatcher(r -> "GET".equals(r.getMethod()) && r.getHeader("HX-Request") == null);
        http.securityMatcher(new NegatedRequestMatcher(new OrRequestMatcher(paths.matcher("/api/**"),
                        paths.matcher("/v3/api-docs/**"), paths.matcher("/swagger-ui/**"),
                        paths.matcher("/swagger-ui.html"))))
                .authenticationProvider(login)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                        .defaultSuccessUrl("/workbench").failureHandler(failure()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true).deleteCookies(WebSessionConfiguration.COOKIE))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .requestCache(cache -> cache.requestCache(requestCache))
                .httpBasic(basic -> basic.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new SessionActorFilter(actors), SecurityContextHolderFilter.class);
        return http.build();
    }

    /** Back to the sign-in page, saying so when the session ran out; htmx is told to load it as a whole page. */
    static AuthenticationEntryPoint entryPoint() {
        return (request, response, exception) -> {
            boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            String target = request.getContextPath() + "/login" + (expired ? "?timeout" : "");
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", target);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            response.sendRedirect(target);
        };
    }

    static AuthenticationFailureHandler failure() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath() + "/login?error"
                + (exception instanceof PasswordLogin.Throttled ? "=throttled" : ""));
    }

    /**
     * Replaces the user name kept in the session by the current {@link Actor} for this request (not saved back);
     * an account that was disabled or removed meanwhile is signed out.
     */
    static final class SessionActorFilter extends OncePerRequestFilter {

        private final SessionActors actors;

        SessionActorFilter(SessionActors actors) {
            this.actors = actors;
        }

        /** Error pages are drawn in the user's layout too. */
        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof SessionUser user) {
                Optional<Actor> actor = actors.actor(user.username());
                var context = SecurityContextHolder.createEmptyContext();
                if (actor.isPresent()) {
                    var authorities = actor.get().roles().stream()
                            .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
                    context.setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(actor.get(), null, authorities));
                } else {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                }
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
