package cn.yousu.casework;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the complainant sees with number and tracking code: the status in plain words, the deadlines, the public
 * timeline, the result when given, and what they may do now. No staff names, no internal comments.
 */
public record PublicCaseView(String number, String title, String kindName, String channelName, String status,
        String statusName, String statusText, String regionName, String handlingOffice, String leadUnitName,
        OffsetDateTime registeredAt, OffsetDateTime firstReplyDueAt, OffsetDateTime dueAt, String deadlineLabel,
        OffsetDateTime closedAt, PublicResult result, String satisfactionName, List<PublicEvent> timeline,
        List<String> allowedActions, boolean escalationPossible) {

    public record PublicResult(String finding, String measures, String answer, String rejectionReasons,
            String explanation) {
    }

    public record PublicEvent(OffsetDateTime at, String text) {
    }
}
