package cn.yousu.identity.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.identity.Role;
import cn.yousu.identity.TokenService;
import cn.yousu.shared.Validation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in for API clients: a bearer token with an expiry. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final TokenService tokens;
    private final ZoneId zone;

    AuthController(TokenService tokens, ZoneId applicationZone) {
        this.tokens = tokens;
        this.zone = applicationZone;
    }

    record Credentials(String username, String password) {
    }

    record TokenAnswer(String token, OffsetDateTime expiresAt, Me user) {
    }

    record Me(String username, String displayName, String orgCode, String orgName, String orgKind, String regionCode,
            List<String> roles, List<String> roleNames) {
        static Me of(Actor a) {
            List<Role> roles = a.roles().stream().sorted().toList();
            return new Me(a.username(), a.displayName(), a.orgCode(), a.orgName(),
                    a.orgKind() == null ? null : a.orgKind().name(), a.regionCode(),
                    roles.stream().map(Role::name).toList(), roles.stream().map(Role::label).toList());
        }
    }

    @PostMapping("/token")
    TokenAnswer token(@RequestBody(required = false) Credentials credentials, HttpServletRequest request) {
        Validation v = Validation.start();
        v.required(credentials == null ? null : credentials.username(), "username", "用户名");
        v.required(credentials == null ? null : credentials.password(), "password", "密码");
        v.throwIfInvalid();
        TokenService.Issued issued = tokens.issue(credentials.username(), credentials.password(),
                request.getRemoteAddr());
        return new TokenAnswer(issued.token(), issued.expiresAt().atZone(zone).toOffsetDateTime(),
                Me.of(issued.actor()));
    }

    @GetMapping("/me")
    Me me() {
        return Me.of(CurrentActor.get());
    }

    /** Signs out: the token stops working at once. */
    @DeleteMapping("/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@RequestHeader("Authorization") String authorization) {
        tokens.revoke(authorization.substring(7).trim());
    }
}
