package cn.yousu.identity;

import cn.yousu.organization.OrganizationKind;
import java.util.EnumSet;
import java.util.Set;

/** What a staff member may do (DESIGN §1). Each role fits certain kinds of organisation. */
public enum Role {
    ADMIN("系统管理员", EnumSet.allOf(OrganizationKind.class)),
    INTAKE("受理员", EnumSet.of(OrganizationKind.OFFICE)),
    DISPATCHER("交办员", EnumSet.of(OrganizationKind.OFFICE)),
    REVIEWER("审核员", EnumSet.of(OrganizationKind.OFFICE)),
    VISITOR("回访员", EnumSet.of(OrganizationKind.OFFICE, OrganizationKind.UNIT)),
    SUPERVISOR("督办员", EnumSet.of(OrganizationKind.OFFICE)),
    HANDLER("经办人", EnumSet.of(OrganizationKind.UNIT)),
    UNIT_HEAD("单位负责人", EnumSet.of(OrganizationKind.UNIT)),
    LEADER("领导", EnumSet.of(OrganizationKind.GOVERNMENT, OrganizationKind.OFFICE)),
    MONITOR("监测点/监督员", EnumSet.allOf(OrganizationKind.class));

    private final String label;
    private final Set<OrganizationKind> fits;

    Role(String label, Set<OrganizationKind> fits) {
        this.label = label;
        this.fits = fits;
    }

    public String label() {
        return label;
    }

    public boolean fits(OrganizationKind kind) {
        return fits.contains(kind);
    }

    /** The Spring Security authority, {@code ROLE_HANDLER} for example. */
    public String authority() {
        return "ROLE_" + name();
    }
}
