package cn.yousu.identity.web;

import cn.yousu.identity.Role;
import cn.yousu.identity.UserAccount;
import cn.yousu.identity.UserAccounts;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts, for administrators. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UserController {

    private final UserAccounts accounts;
    private final ZoneId zone;

    UserController(UserAccounts accounts, ZoneId applicationZone) {
        this.accounts = accounts;
        this.zone = applicationZone;
    }

    record UserView(String username, String displayName, String orgCode, List<Role> roles, String phone, String email,
            boolean enabled, OffsetDateTime createdAt) {
    }

    record UserRequest(String username, String displayName, String orgCode, Set<Role> roles, String phone,
            String email, String password, Boolean enabled) {
        UserAccounts.AccountDraft draft() {
            return new UserAccounts.AccountDraft(username, displayName, orgCode, roles, phone, email, password,
                    enabled);
        }
    }

    @GetMapping
    List<UserView> list() {
        return accounts.list().stream().map(this::view).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody UserRequest request) {
        return view(accounts.create(request.draft()));
    }

    @PutMapping("/{username}")
    UserView update(@PathVariable String username, @RequestBody UserRequest request) {
        return view(accounts.update(username, request.draft()));
    }

    private UserView view(UserAccount a) {
        return new UserView(a.username(), a.displayName(), a.orgCode(), a.roles().stream().sorted().toList(), a.phone(),
                a.email(), a.enabled(), a.createdAt().atZone(zone).toOffsetDateTime());
    }
}
