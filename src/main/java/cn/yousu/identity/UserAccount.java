package cn.yousu.identity;

import java.time.Instant;
import java.util.Set;

/** A staff account (the password hash never leaves this module). */
public record UserAccount(String username, String displayName, String orgCode, Set<Role> roles, String phone,
        String email, boolean enabled, Instant createdAt) {
}
