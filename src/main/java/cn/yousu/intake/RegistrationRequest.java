package cn.yousu.intake;

import cn.yousu.casework.CaseKind;
import cn.yousu.casework.Channel;
import cn.yousu.casework.ComplainantType;
import java.util.List;

/** A registration as the API receives it (API.md, POST /api/v1/cases). */
public record RegistrationRequest(CaseKind kind, Channel channel, String externalRef, String regionCode,
        String categoryCode, String title, String facts, String request, ComplainantInput complainant,
        AgentInput agent, RespondentInput respondent, List<String> attachmentIds) {

    public record ComplainantInput(ComplainantType type, String name, String companyName, String creditCode,
            String contactName, String phone, String email, String address, Boolean anonymous) {
    }

    public record AgentInput(String name, String phone, String powerOfAttorneyAttachmentId) {
    }

    public record RespondentInput(String unitCode, String name, String person) {
    }
}
