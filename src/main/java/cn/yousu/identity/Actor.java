package cn.yousu.identity;

import cn.yousu.organization.OrganizationKind;
import java.util.Set;

/**
 * Who is acting: a signed-in staff member with their organisation and roles, or a complainant on the public
 * side (no organisation, no roles). Modules take an Actor, never a Spring Security type.
 */
public record Actor(String username, String displayName, String orgCode, String orgName, OrganizationKind orgKind,
        String regionCode, Set<Role> roles) implements java.security.Principal {

    /** The principal's name is the user name (also what request logging and auditing read). */
    @Override
    public String getName() {
        return username;
    }

    public static final String COMPLAINANT = "complainant";
    public static final String SYSTEM = "system";

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The complainant acting through the public portal with number and tracking code. */
    public static Actor complainant(String name) {
        return new Actor(COMPLAINANT, name == null || name.isBlank() ? "诉求人" : name, null, null, null, null, Set.of());
    }

    /** The application itself (scheduled jobs). */
    public static Actor system() {
        return new Actor(SYSTEM, "系统", null, "系统", null, null, Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public boolean isComplainant() {
        return COMPLAINANT.equals(username);
    }

    public boolean isSystem() {
        return SYSTEM.equals(username);
    }

    public boolean inOffice() {
        return orgKind == OrganizationKind.OFFICE;
    }

    public boolean inUnit() {
        return orgKind == OrganizationKind.UNIT;
    }

    public boolean inGovernment() {
        return orgKind == OrganizationKind.GOVERNMENT;
    }
}
