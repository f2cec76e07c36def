package cn.yousu.casework;

/**
 * Announced inside the registration's transaction, after its {@link CaseActivity}: the only moment the tracking
 * code exists in clear, so that the receipt sent to the complainant can carry it. Never stored.
 */
public record CaseReceipt(long caseId, String number, String trackingCode) {
}
