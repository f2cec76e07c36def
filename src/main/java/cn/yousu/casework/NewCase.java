package cn.yousu.casework;

import java.util.List;

/** A checked registration, ready to become a case. */
public record NewCase(CaseKind kind, Channel channel, String externalRef, String regionCode, String categoryCode,
        String title, String facts, String request, Complainant complainant, Agent agent, Respondent respondent,
        List<String> attachmentIds, Suggestions suggestions) {
}
