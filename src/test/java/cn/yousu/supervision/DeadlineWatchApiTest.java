package cn.yousu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.notification.Outbox;
import cn.yousu.notification.OutboxDelivery;
import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import cn.yousu.support.TestMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Time moves across the National Day holiday 2026 (10-01..10-07 off, Saturday 10-10 a make-up working day): a case
 * assigned on 2026-09-30 with 5 working days is due 10-13; it turns yellow on Monday 10-12, red on 10-14, gets a
 * supervision notice automatically, and the unanswered notice is reported to the leaders; the unit, the office and
 * the leaders receive the e-mails. A clock that cannot be acted on is left for the next pass, alone: the rest of its
 * chunk is recorded and notified.
 */
class DeadlineWatchApiTest extends ApiTest {

    @Autowired
    DeadlineWatch watch;
    @Autowired
    OutboxDelivery delivery;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Outbox outbox;


    private List<JsonNode> events(String number, String action) {
        List<JsonNode> found = new ArrayList<>();
        cases.get("office", number).get("timeline").forEach(e -> {
            if (e.get("action").asString().equals(action)) {
                found.add(e);
            }
        });
        return found;
    }

    private List<JsonNode> warnings(String number, String action, String clock) {
        return events(number, action).stream().filter(e -> e.get("data").get("clock").asString().equals(clock))
                .toList();
    }

    private static List<String> subjects(String address, String number) {
        return TestMail.to(address).stream().map(m -> subject(m)).filter(s -> s.contains(number)).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void caseAssignedBeforeNationalDayTurnsYellowAndRedOnTheRightWorkingDaysAndIsSupervised() {
        clock.set("2026-09-30T09:00:00+08:00");
        Cases.Registered r = cases.inProgress();
        String n = r.number();
        cases.act("scjg", n, "initial-reply", Map.of("content", "已收到，正在核实", "method", "电话"));
        assertThat(cases.get("office", n).get("dueAt").asString()).startsWith("2026-10-13T23:59:59");

        // the last working day before the holiday and the holiday itself: nothing
        for (String t : List.of("2026-09-30T18:00:00+08:00", "2026-10-05T12:00:00+08:00", "2026-10-09T17:00:00+08:00",
                "2026-10-11T22:00:00+08:00")) {
            clock.set(t);
            watch.pass();
            assertThat(warnings(n, "warning-yellow", "HANDLING")).as("no warning at %s", t).isEmpty();
        }

        // Monday 10-12: one working day left (10-13) → yellow, recorded once however often the watch runs
        clock.set("2026-10-12T00:05:00+08:00");
        watch.pass();
        watch.pass();
        clock.set("2026-10-13T23:59:00+08:00");
        watch.pass();
        List<JsonNode> yellow = warnings(n, "warning-yellow", "HANDLING");
        assertThat(yellow).hasSize(1);
        assertThat(yellow.get(0).get("at").asString()).startsWith("2026-10-12T00:05");
        assertThat(yellow.get(0).get("comment").asString()).contains("办理时限将于 2026年10月13日 23:59 到期");
        assertThat(warnings(n, "warning-red", "HANDLING")).isEmpty();
        assertThat(events(n, "supervise")).isEmpty();

        // 10-14: overdue → red and an automatic supervision notice (督办单) with its number and reply deadline
        clock.set("2026-10-14T00:05:00+08:00");
        watch.pass();
        watch.pass();
        assertThat(warnings(n, "warning-red", "HANDLING")).hasSize(1);
        List<JsonNode> supervisions = events(n, "supervise");
        assertThat(supervisions).hasSize(1);
        JsonNode notice = supervisions.get(0).get("data");
        assertThat(notice.get("level").asString()).isEqualTo("NOTICE");
        assertThat(notice.get("automatic").asBoolean()).isTrue();
        assertThat(notice.get("number").asString()).matches("〔2026〕\\d+号");
        JsonNode stored = cases.get("office", n).get("supervisions").get(0);
        assertThat(stored.get("unitCode").asString()).isEqualTo("SF-SCJG");
        assertThat(stored.get("replyDueAt").asString()).startsWith("2026-10-19T23:59:59");

        delivery.deliverDue();
        String noticeNumber = notice.get("number").asString();
        assertThat(subjects("scjg@demo.yousu.local", n)).contains("黄色预警：案件 " + n + " 办理时限即将到期",
                "红色预警：案件 " + n + " 办理时限已超期", "督办单" + noticeNumber + "：案件 " + n);
        assertThat(subjects("scjg-head@demo.yousu.local", n)).contains("督办单" + noticeNumber + "：案件 " + n);
        assertThat(subjects("office@demo.yousu.local", n)).contains("黄色预警：案件 " + n + " 办理时限即将到期",
                "红色预警：案件 " + n + " 办理时限已超期");

        // the notice is not answered by 10-19 → reported to the leaders (one level up), once
        clock.set("2026-10-19T23:00:00+08:00");
        watch.pass();
        assertThat(events(n, "supervise")).hasSize(1);
        clock.set("2026-10-20T00:05:00+08:00");
        watch.pass();
        watch.pass();
        List<JsonNode> chain = events(n, "supervise");
        assertThat(chain).hasSize(2);
        assertThat(chain.get(1).get("data").get("level").asString()).isEqualTo("LEADER");
        assertThat(chain.get(1).get("comment").asString()).contains("督办单" + noticeNumber + "逾期未反馈");
        delivery.deliverDue();
        assertThat(subjects("leader@demo.yousu.local", n)).contains("报请领导督办：案件 " + n);
    }

    @Test
    void approvedExtensionStartsTheColourAgainAndAnsweredNoticeIsNotEscalated() {
        clock.set("2026-11-02T09:00:00+08:00");
        Cases.Registered r = cases.inProgress();
        String n = r.number();
        cases.act("scjg", n, "initial-reply", Map.of("content", "已收到，正在核实", "method", "电话"));
        // due Monday 11-09; yellow from Friday 11-06 (Saturday and Sunday are not working days)
        clock.set("2026-11-05T23:00:00+08:00");
        watch.pass();
        assertThat(warnings(n, "warning-yellow", "HANDLING")).isEmpty();
        clock.set("2026-11-06T08:00:00+08:00");
        watch.pass();
        assertThat(warnings(n, "warning-yellow", "HANDLING")).hasSize(1);

        cases.act("scjg", n, "request-extension", Map.of("workingDays", 3, "reason", "需要现场核查"));
        cases.act("office", n, "decide-extension", Map.of("approve", true));
        watch.pass();
        assertThat(warnings(n, "warning-yellow", "HANDLING")).hasSize(1);
        // new due Thursday 11-12: yellow again from Wednesday 11-11, then red from 11-13
        clock.set("2026-11-11T09:00:00+08:00");
        watch.pass();
        assertThat(warnings(n, "warning-yellow", "HANDLING")).hasSize(2);
        clock.set("2026-11-13T09:00:00+08:00");
        watch.pass();
        assertThat(warnings(n, "warning-red", "HANDLING")).hasSize(1);
        long noticeId = cases.get("office", n).get("supervisions").get(0).get("id").asLong();
        cases.act("scjg", n, "reply-supervision", Map.of("supervisionId", noticeId, "content", "已办结，书面报告随后报送"));
        clock.set("2026-12-01T09:00:00+08:00");
        watch.pass();
        assertThat(events(n, "supervise")).hasSize(1);
    }

    @Test
    void aClockThatFailsIsLeftForTheNextPassAndTheOthersOfItsChunkAreActedOnAndNotified() {
        clock.set("2026-04-13T09:00:00+08:00");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(cases.inProgress().number());
        }
        Instant due = OffsetDateTime.parse(cases.get("office", numbers.get(0)).get("dueAt")
                .asString()).toInstant();
        // a clock the watch cannot act on (no such kind), due with the others: acting on it throws
        long failingCase = jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(numbers.get(1))
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO deadline_clock (case_id, clock, case_number, due_at, yellow_at, colour, next_check_at)
                SELECT case_id, 'UNKNOWN', case_number, due_at, yellow_at, 'NORMAL', next_check_at
                FROM deadline_clock WHERE case_id = ? AND clock = 'HANDLING'""").param(failingCase).update();
        try {
            clock.set(due.minus(Duration.ofHours(1)));
            DeadlineWatch.Pass pass = watch.pass();
            assertThat(pass.lost()).isGreaterThanOrEqualTo(1);
            for (String n : numbers) {
                assertThat(warnings(n, "warning-yellow", "HANDLING")).as(n).hasSize(1);
                long caseId = jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(n).query(Long.class).single();
                // once each, in the chunk's transaction with the timeline entry
                assertThat(outbox.ofCase(caseId)).as(n)
                        .filteredOn(m -> m.subject().equals("黄色预警：案件 " + n + " 办理时限即将到期"))
                        .extracting(Outbox.Message::recipient).doesNotHaveDuplicates()
                        .contains("scjg@demo.yousu.local", "scjg-head@demo.yousu.local", "office@demo.yousu.local");
            }
            // its claim rolled back with it: still due, tried again (and lost again) by the next pass
            assertThat(jdbc.sql("SELECT colour FROM deadline_clock WHERE case_id = ? AND clock = 'UNKNOWN'")
                    .param(failingCase).query(String.class).single()).isEqualTo("NORMAL");
            assertThat(watch.pass().lost()).isGreaterThanOrEqualTo(1);
            for (String n : numbers) {
                assertThat(warnings(n, "warning-yellow", "HANDLING")).as(n).hasSize(1);
            }
        } finally {
            jdbc.sql("DELETE FROM deadline_clock WHERE clock = 'UNKNOWN'").update();
        }
    }
}
