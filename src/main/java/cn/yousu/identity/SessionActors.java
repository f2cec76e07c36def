package cn.yousu.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns the user name kept in a page session into the current {@link Actor}: enabled accounts only, remembered
 * for half a minute so that a busy page does not cost a query per request.
 */
@Component
public class SessionActors {

    private final UserAccounts accounts;
    private final Cache<String, Optional<Actor>> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

    SessionActors(UserAccounts accounts) {
        this.accounts = accounts;
    }

    Optional<Actor> actor(String username) {
        return recent.get(username, u -> accounts.find(u).filter(UserAccount::enabled).map(accounts::actor));
    }

    /** Forgets what is remembered about an account (after an administrator changed it). */
    public void evict(String username) {
        recent.invalidate(username);
    }
}
