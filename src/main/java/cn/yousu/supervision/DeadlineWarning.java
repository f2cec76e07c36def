package cn.yousu.supervision;

import java.util.List;

/**
 * A clock of a case turned yellow or red (recorded on its timeline), with what a notification says: the notifications
 * module writes its inbox and outbox rows from it without reading the case again. Announced in chunks
 * ({@link DeadlineWarnings}).
 */
public record DeadlineWarning(long caseId, String caseNumber, String title, String clockName, boolean red, String due,
        String leadUnitCode, List<String> cooperatingUnitCodes, String officeRegionCode) {
}
