package cn.yousu.casework;

import java.time.Instant;

/**
 * Announced to the other modules, inside the transaction, for every timeline event: notifications, supervision
 * and reporting listen to it.
 */
public record CaseActivity(long caseId, String number, String action, CaseStatus fromStatus, CaseStatus toStatus,
        String actor, Instant at, String leadUnitCode, String officeRegionCode) {
}
