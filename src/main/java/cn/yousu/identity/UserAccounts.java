package cn.yousu.identity;

import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: creation, change, lookup, and turning an account into an {@link Actor}. */
@Service
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._\\-]{1,63}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD = 8;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final OrganizationDirectory directory;
    private final Clock clock;
    private final String dummyHash;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, OrganizationDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.directory = directory;
        this.clock = clock;
        this.dummyHash = passwords.encode("no such account");
    }

    public record AccountDraft(String username, String displayName, String orgCode, Set<Role> roles, String phone,
            String email, String password, Boolean enabled) {
    }

    @Transactional
    public UserAccount create(AccountDraft draft) {
        Validation v = check(draft, true);
        v.check(draft.username() != null && find(draft.username()).isPresent(), "username", "用户名已存在");
        v.throwIfInvalid();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, org_code, roles, phone, email, enabled,
                                      created_at, password_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(draft.username(), draft.displayName().trim(), passwords.encode(draft.password()),
                        draft.orgCode(), joinRoles(draft.roles()), blankToNull(draft.phone()),
                        blankToNull(draft.email()), draft.enabled() == null || draft.enabled(),
                        clock.instant().atOffset(ZoneOffset.UTC), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return find(draft.username()).orElseThrow();
    }

    /** Changes an account; a blank password keeps the old one. */
    @Transactional
    public UserAccount update(String username, AccountDraft draft) {
        find(username).orElseThrow(() -> ApiProblem.notFound("没有用户 " + username));
        AccountDraft withName = new AccountDraft(username, draft.displayName(), draft.orgCode(), draft.roles(),
                draft.phone(), draft.email(), draft.password(), draft.enabled());
        check(withName, false).throwIfInvalid();
        jdbc.sql("""
                UPDATE app_user SET display_name = ?, org_code = ?, roles = ?, phone = ?, email = ?, enabled = ?
                WHERE username = ?""")
                .params(draft.displayName().trim(), draft.orgCode(), joinRoles(draft.roles()),
                        blankToNull(draft.phone()), blankToNull(draft.email()),
                        draft.enabled() == null || draft.enabled(), username)
                .update();
        if (draft.password() != null && !draft.password().isBlank()) {
            changePassword(username, draft.password());
        }
        return find(username).orElseThrow();
    }

    @Transactional
    public void changePassword(String username, String password) {
        Validation.start().check(password == null || password.length() < MIN_PASSWORD, "password",
                "密码至少 " + MIN_PASSWORD + " 位").throwIfInvalid();
        jdbc.sql("UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE username = ?")
                .params(passwords.encode(password), clock.instant().atOffset(ZoneOffset.UTC), username).update();
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.sql("""
                SELECT username, display_name, org_code, roles, phone, email, enabled, created_at
                FROM app_user WHERE username = ?""")
                .param(username).query(UserAccounts::account).optional();
    }

    public List<UserAccount> list() {
        return jdbc.sql("""
                SELECT username, display_name, org_code, roles, phone, email, enabled, created_at
                FROM app_user ORDER BY org_code, username""")
                .query(UserAccounts::account).list();
    }

    /** The enabled accounts of one organisation (the people a notification to that organisation reaches). */
    public List<UserAccount> ofOrganization(String orgCode) {
        return jdbc.sql("""
                SELECT username, display_name, org_code, roles, phone, email, enabled, created_at
                FROM app_user WHERE org_code = ? AND enabled = TRUE ORDER BY username""")
                .param(orgCode).query(UserAccounts::account).list();
    }

    /** Accounts of one organisation with a role (for notifications and queues). */
    public List<UserAccount> withRole(String orgCode, Role role) {
        return jdbc.sql("""
                SELECT username, display_name, org_code, roles, phone, email, enabled, created_at
                FROM app_user WHERE org_code = ? AND enabled = TRUE ORDER BY username""")
                .param(orgCode).query(UserAccounts::account).list().stream()
                .filter(a -> a.roles().contains(role)).toList();
    }

    public boolean anyAdministrator() {
        return jdbc.sql("SELECT roles FROM app_user").query(String.class).list().stream()
                .anyMatch(r -> splitRoles(r).contains(Role.ADMIN));
    }

    /** Checks a password; empty when the account is unknown, disabled or the password is wrong. */
    public Optional<UserAccount> verify(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<String> hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE")
                .param(username).query(String.class).optional();
        if (hash.isEmpty()) {
            // spend the same time as a real check so that unknown names cannot be told apart
            passwords.matches(password, dummyHash);
            return Optional.empty();
        }
        return passwords.matches(password, hash.get()) ? find(username) : Optional.empty();
    }

    public Actor actor(UserAccount account) {
        Organization org = directory.organization(account.orgCode()).orElse(null);
        return new Actor(account.username(), account.displayName(), account.orgCode(),
                org == null ? account.orgCode() : org.name(), org == null ? null : org.kind(),
                org == null ? null : org.regionCode(), account.roles());
    }

    private Validation check(AccountDraft d, boolean creating) {
        Validation v = Validation.start();
        v.required(d.username(), "username", "用户名");
        v.check(d.username() != null && !USERNAME.matcher(d.username()).matches(), "username",
                "用户名为 2–64 位小写字母、数字、点、下划线或连字符");
        v.required(d.displayName(), "displayName", "姓名");
        v.maxLength(d.displayName(), 100, "displayName", "姓名");
        v.required(d.orgCode(), "orgCode", "所属单位");
        Organization org = d.orgCode() == null ? null : directory.organization(d.orgCode()).orElse(null);
        v.check(d.orgCode() != null && org == null, "orgCode", "所属单位不存在");
        v.required(d.roles(), "roles", "角色");
        if (org != null && d.roles() != null) {
            for (Role role : d.roles()) {
                v.check(role == null || !role.fits(org.kind()), "roles",
                        role == null ? "角色不能为空" : "角色「" + role.label() + "」不适用于" + org.kind().label());
            }
        }
        v.check(d.phone() != null && !d.phone().isBlank() && !MOBILE.matcher(d.phone()).matches(), "phone",
                "手机号码应为 11 位，以 1 开头");
        v.check(d.email() != null && !d.email().isBlank() && !EMAIL.matcher(d.email()).matches(), "email",
                "电子邮箱格式不正确");
        if (creating) {
            v.check(d.password() == null || d.password().length() < MIN_PASSWORD, "password",
                    "密码至少 " + MIN_PASSWORD + " 位");
        } else {
            v.check(d.password() != null && !d.password().isBlank() && d.password().length() < MIN_PASSWORD,
                    "password", "密码至少 " + MIN_PASSWORD + " 位");
        }
        return v;
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("username"), rs.getString("display_name"), rs.getString("org_code"),
                splitRoles(rs.getString("roles")), rs.getString("phone"), rs.getString("email"),
                rs.getBoolean("enabled"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }

    static Set<Role> splitRoles(String roles) {
        if (roles == null || roles.isBlank()) {
            return Set.of();
        }
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(s -> {
            try {
                set.add(Role.valueOf(s));
            } catch (IllegalArgumentException ignored) {
                // a role removed from the code: the account simply no longer has it
            }
        });
        return set;
    }

    private static String joinRoles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
