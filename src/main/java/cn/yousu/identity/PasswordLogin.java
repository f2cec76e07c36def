package cn.yousu.identity;

import cn.yousu.shared.RateLimiter;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-in on the login page with the same accounts and password check as the API, rate limited per user name and
 * per address like the API's token endpoint.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

    private final UserAccounts accounts;
    private final RateLimiter perUser;
    private final RateLimiter perAddress;

    PasswordLogin(UserAccounts accounts,
            @Value("${yousu.auth.logins-per-minute-per-user:10}") int perUserLimit,
            @Value("${yousu.auth.logins-per-minute-per-address:60}") int perAddressLimit) {
        this.accounts = accounts;
        this.perUser = new RateLimiter(perUserLimit, Duration.ofMinutes(1));
        this.perAddress = new RateLimiter(perAddressLimit, Duration.ofMinutes(1));
    }

    /** Refused because of too many attempts. */
    static final class Throttled extends AuthenticationServiceException {
        Throttled() {
            super("登录尝试过于频繁，请一分钟后再试");
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "?";
        if (!perAddress.tryAcquire(address) || !perUser.tryAcquire(username)) {
            throw new Throttled();
        }
        UserAccount account = accounts.verify(username, password)
                .orElseThrow(() -> new BadCredentialsException("用户名或密码错误"));
        var authorities = account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var token = UsernamePasswordAuthenticationToken.authenticated(new SessionUser(account.username()), null,
                authorities);
        token.setDetails(authentication.getDetails());
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
