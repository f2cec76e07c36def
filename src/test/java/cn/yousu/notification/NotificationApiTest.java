package cn.yousu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import cn.yousu.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Notifications go out through a real SMTP server (GreenMail) and are read back: the receipt with number and
 * tracking code to the complainant, the assignment to the unit's staff, also in their inbox with an unread count.
 */
class NotificationApiTest extends ApiTest {

    @Autowired
    OutboxDelivery delivery;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;

    private Cases.Registered registerWithEmail(String email) {
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        @SuppressWarnings("unchecked")
        Map<String, Object> complainant = (Map<String, Object>) body.get("complainant");
        complainant.put("email", email);
        return cases.register("office", body);
    }

    private static String text(MimeMessage m) throws Exception {
        return m.getSubject() + "\n" + m.getContent();
    }

    @Test
    void complainantReceivesTheReceiptWithNumberAndTrackingCodeByEmail() throws Exception {
        String email = "c-" + UUID.randomUUID() + "@example.cn";
        Cases.Registered r = registerWithEmail(email);

        delivery.deliverDue();

        List<MimeMessage> mails = TestMail.to(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("诉求登记回执");
        assertThat(text(mails.get(0))).contains(r.number()).contains("查询码 " + r.code());
        long caseId = jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(r.number()).query(Long.class).single();
        assertThat(outbox.ofCase(caseId)).extracting(Outbox.Message::channel, Outbox.Message::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Outbox.Channel.EMAIL, Outbox.Status.SENT),
                        org.assertj.core.groups.Tuple.tuple(Outbox.Channel.SMS, Outbox.Status.SENT));
    }

    @Test
    void acceptedAndRejectedWithReasonsReachTheComplainant() throws Exception {
        String email = "c-" + UUID.randomUUID() + "@example.cn";
        Cases.Registered accepted = registerWithEmail(email);
        cases.accept(accepted.number(), "GENERAL");
        Cases.Registered rejected = registerWithEmail(email);
        cases.act("office", rejected.number(), "reject", Map.of("reasons", List.of("LEGAL_PROCEEDINGS"),
                "explanation", "该事项已进入诉讼程序，请依法通过诉讼途径解决。"));

        delivery.deliverDue();

        assertThat(TestMail.to(email)).extracting(MimeMessage::getSubject)
                .contains("诉求已受理", "诉求不予受理");
        MimeMessage rejection = TestMail.to(email).stream().filter(m -> subject(m).equals("诉求不予受理")).findFirst()
                .orElseThrow();
        assertThat(text(rejection)).contains(rejected.number()).contains("已进入诉讼程序");
    }

    @Test
    void anApprovedResultReachesTheComplainantAsOneMessageThatAlsoAsksForTheEvaluation() throws Exception {
        String email = "c-" + UUID.randomUUID() + "@example.cn";
        Cases.Registered r = registerWithEmail(email);
        cases.accept(r.number(), "GENERAL");
        cases.assign(r.number(), "SF-SCJG");
        cases.act("scjg", r.number(), "sign", Map.of());
        cases.submitResult(r.number(), "2026-11-23");
        JsonNode visiting = cases.act("office", r.number(), "review", Map.of("approve", true));
        assertThat(visiting.get("status").asString()).isEqualTo("VISITING");

        delivery.deliverDue();

        List<MimeMessage> results = TestMail.to(email).stream().filter(m -> subject(m).equals("办理结果反馈")).toList();
        assertThat(results).hasSize(1);
        assertThat(text(results.get(0))).contains(r.number()).contains("已于当日办结变更登记")
                .contains("请于 2026年").contains("前凭编号和查询码对办理结果作出评价");
        assertThat(TestMail.to(email)).extracting(NotificationApiTest::subject).doesNotContain("请评价办理结果");
        long caseId = jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(r.number()).query(Long.class).single();
        // the receipt, the acceptance and the result: each once by e-mail and once by text message
        assertThat(outbox.ofCase(caseId)).filteredOn(m -> m.recipient().equals(email)
                        || m.channel() == Outbox.Channel.SMS).extracting(Outbox.Message::template).containsExactlyInAnyOrder(
                Template.RECEIPT, Template.RECEIPT, Template.ACCEPTED, Template.ACCEPTED, Template.RESULT_FEEDBACK,
                Template.RESULT_FEEDBACK);
    }

    @Test
    void assignedUnitStaffGetEmailAndInboxItemAndCanMarkItRead() throws Exception {
        Cases.Registered r = cases.register();
        cases.accept(r.number(), "GENERAL");
        long unreadBefore = api.as("scjg").get("/api/v1/notifications").expect(200).json().get("unread").asLong();
        cases.assign(r.number(), "SF-SCJG");

        delivery.deliverDue();

        List<MimeMessage> mails = TestMail.to("scjg@demo.yousu.local").stream()
                .filter(m -> subject(m).equals("新交办案件 " + r.number())).toList();
        assertThat(mails).hasSize(1);
        assertThat(text(mails.get(0))).contains("办理时限 5个工作日").contains("2026年11月30日 23:59 前办结");
        assertThat(TestMail.to("scjg-head@demo.yousu.local")).extracting(NotificationApiTest::subject)
                .contains("新交办案件 " + r.number());

        JsonNode inbox = api.as("scjg").get("/api/v1/notifications?unread=true").expect(200).json();
        assertThat(inbox.get("unread").asLong()).isEqualTo(unreadBefore + 1);
        JsonNode item = null;
        for (JsonNode i : inbox.get("items")) {
            if (r.number().equals(i.get("caseNumber").asString())) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("template").asString()).isEqualTo("ASSIGNED");
        JsonNode after = api.as("scjg").post("/api/v1/notifications/" + item.get("id").asLong() + "/read")
                .expect(200).json();
        assertThat(after.get("unread").asLong()).isEqualTo(unreadBefore);
        // another user's item does not exist for them
        api.as("sw").post("/api/v1/notifications/" + item.get("id").asLong() + "/read").problem(404);
    }

    @Test
    void aSupervisionNoticeTellsTheUnitTheOfficesWordsAndTheReplyDeadlineAsSentences() throws Exception {
        Cases.Registered r = cases.register();
        cases.accept(r.number(), "GENERAL");
        cases.assign(r.number(), "SF-SCJG");
        cases.act("office", r.number(), "supervise", Map.of("level", "NOTICE", "content", "请加快办理"));

        JsonNode items = api.as("scjg").get("/api/v1/notifications").expect(200).json().get("items");
        String body = null;
        for (JsonNode i : items) {
            if (r.number().equals(i.get("caseNumber").asString()) && i.get("template").asString()
                    .equals("SUPERVISION_NOTICE")) {
                body = i.get("body").asString();
            }
        }
        assertThat(body).contains("。请加快办理。请于 ").contains("前将办理结果向营商办反馈。");
        assertThat(CaseNotifications.sentence("已督促！")).isEqualTo("已督促！");
        assertThat(CaseNotifications.sentence(" 请核实 ")).isEqualTo("请核实。");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
