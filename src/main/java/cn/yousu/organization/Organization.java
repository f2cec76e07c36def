package cn.yousu.organization;

/** An office, unit, government or the system organisation. */
public record Organization(String code, String name, OrganizationKind kind, String regionCode,
        String complaintPhone, String contactPerson, String contactPhone, String address, String duties,
        boolean active) {

    public boolean isOffice() {
        return kind == OrganizationKind.OFFICE;
    }

    public boolean isUnit() {
        return kind == OrganizationKind.UNIT;
    }
}
