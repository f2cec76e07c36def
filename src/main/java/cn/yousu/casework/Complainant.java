package cn.yousu.casework;

/**
 * The complainant (诉求人). {@code creditCode} is the 18-character unified social credit code; {@code phone} a
 * mainland mobile or landline number.
 */
public record Complainant(ComplainantType type, String name, String companyName, String creditCode,
        String contactName, String phone, String email, String address, boolean anonymous) {

    /** The name to show: the company for enterprises, else the person. */
    public String displayName() {
        if (companyName != null && !companyName.isBlank()) {
            return companyName;
        }
        return name;
    }
}
