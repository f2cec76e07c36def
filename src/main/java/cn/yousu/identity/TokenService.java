package cn.yousu.identity;

import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.RateLimiter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens for the API: random, stored only as a SHA-256, valid until their expiry or until revoked.
 * A validated token is remembered for a short while so that busy clients do not cost a query per request.
 */
@Service
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Clock clock;
    private final Duration ttl;
    private final Cache<String, Session> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(50_000).build();
    private final RateLimiter perUser;
    private final RateLimiter perAddress;

    public record Issued(String token, Instant expiresAt, Actor actor) {
    }

    record Session(Actor actor, Instant expiresAt) {
    }

    public TokenService(JdbcClient jdbc, UserAccounts accounts, Clock clock,
            @Value("${yousu.auth.token-ttl:8h}") Duration ttl,
            @Value("${yousu.auth.logins-per-minute-per-user:10}") int perUserLimit,
            @Value("${yousu.auth.logins-per-minute-per-address:60}") int perAddressLimit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.ttl = ttl;
        this.perUser = new RateLimiter(perUserLimit, Duration.ofMinutes(1));
        this.perAddress = new RateLimiter(perAddressLimit, Duration.ofMinutes(1));
    }

    /** Signs in with a password; 401 on a wrong name or password, 429 when tried too often. */
    public Issued issue(String username, String password, String address) {
        perAddress.acquire(address == null ? "?" : address);
        perUser.acquire(username == null ? "?" : username);
        UserAccount account = accounts.verify(username, password)
                .orElseThrow(() -> ApiProblem.unauthorized("用户名或密码错误"));
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        jdbc.sql("INSERT INTO auth_token (token_hash, username, issued_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash(token), account.username(), now.atOffset(ZoneOffset.UTC), expires.atOffset(ZoneOffset.UTC))
                .update();
        return new Issued(token, expires, accounts.actor(account));
    }

    /** The actor behind a token, when the token is known, unexpired and its account enabled. */
    public Optional<Actor> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String key = hash(token);
        Instant now = clock.instant();
        Session session = recent.getIfPresent(key);
        if (session == null) {
            session = jdbc.sql("SELECT username, expires_at FROM auth_token WHERE token_hash = ?").param(key)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class)})
                    .optional()
                    .flatMap(row -> accounts.find((String) row[0]).filter(UserAccount::enabled)
                            .map(a -> new Session(accounts.actor(a), ((OffsetDateTime) row[1]).toInstant())))
                    .orElse(null);
            if (session == null) {
                return Optional.empty();
            }
            recent.put(key, session);
        }
        return session.expiresAt().isAfter(now) ? Optional.of(session.actor()) : Optional.empty();
    }

    public void revoke(String token) {
        String key = hash(token);
        jdbc.sql("DELETE FROM auth_token WHERE token_hash = ?").param(key).update();
        recent.invalidate(key);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void removeExpired() {
        jdbc.sql("DELETE FROM auth_token WHERE expires_at < ?").param(clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
