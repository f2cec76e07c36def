package cn.yousu.supervision;

import java.util.List;

/**
 * Announced inside the watch's transaction when a clock of a case turns yellow or red (after its timeline entry), with
 * what a notification says: the notifications module writes its outbox from it without reading the case again.
 */
public record DeadlineWarning(long caseId, String caseNumber, String title, String clockName, boolean red, String due,
        String leadUnitCode, List<String> cooperatingUnitCodes, String officeRegionCode) {
}
