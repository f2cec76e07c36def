package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One complaint from registration to archive through HTTP, as the demo accounts handle it. */
class LifecycleApiTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    RecentCases recent;

    @BeforeEach
    void setUp() {
        clock.set("2026-09-30T10:00:00+08:00");
    }

    private void answersAsStored(JsonNode answer, String number) {
        KeptCases.answersAsStored(cases, recent, answer, number);
    }

    @Test
    void aComplaintTravelsFromRegistrationToArchive() {
        // 受理登记: the office takes a hotline call
        JsonNode registered = api.as("office").post("/api/v1/cases", Cases.complaint("SF", "SF-SCJG")).expect(201)
                .json();
        String number = registered.get("number").asString();
        String code = registered.get("trackingCode").asString();
        assertThat(number).matches("SF-2026-\\d{6}");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{8}");
        assertThat(registered.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(registered.get("acceptanceDueAt").asString()).isEqualTo("2026-10-08T23:59:59+08:00");
        assertThat(registered.get("firstReplyDueAt").asString()).isEqualTo("2026-10-13T23:59:59+08:00");
        assertThat(registered.get("suggestions").get("categoryCode").asString()).isEqualTo("LICENSE_DELAY");
        assertThat(registered.get("suggestions").get("unitCode").asString()).isEqualTo("SF-SCJG");
        assertThat(names(registered.get("allowedActions"))).contains("accept", "reject", "transfer-out",
                "transfer-down", "terminate").doesNotContain("answer", "assign", "sign");

        // 受理 and 交办 on the eve of National Day: 5 working days → 10-13 (DESIGN §7)
        JsonNode accepted = cases.act("office", number, "accept",
                Map.of("kind", "COMPLAINT", "complexity", "GENERAL", "categoryCode", "LICENSE_DELAY"));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        clock.set("2026-09-30T17:55:00+08:00");
        JsonNode assigned = cases.act("office", number, "assign", Map.of("leadUnitCode", "SF-SCJG",
                "cooperatingUnitCodes", List.of("SF-ZWFW"), "requirements", "请于时限内核实办理"));
        assertThat(assigned.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("dueAt").asString()).isEqualTo("2026-10-13T23:59:59+08:00");
        assertThat(assigned.get("timeLimit").asString()).isEqualTo("5个工作日");
        // an action answers the whole case and timeline, its own event last, exactly as the database holds them
        answersAsStored(assigned, number);
        assertThat(assigned.get("timeline").get(2).get("action").asString()).isEqualTo("assign");

        // 承办: the unit signs, gives the brief reply, the cooperating unit its opinion
        clock.set("2026-10-08T09:00:00+08:00");
        assertThat(cases.act("scjg", number, "sign", Map.of()).get("status").asString()).isEqualTo("IN_PROGRESS");
        JsonNode replied = cases.act("scjg", number, "initial-reply",
                Map.of("content", "已收到您的诉求，正在核实，将于时限内答复。", "method", "电话"));
        assertThat(replied.get("firstRepliedAt").asString()).isEqualTo("2026-10-08T09:00:00+08:00");
        JsonNode supervised = cases.act("office", number, "supervise",
                Map.of("level", "REMINDER", "content", "请抓紧办理"));
        answersAsStored(supervised, number);
        // the unit drafts, its head signs off
        clock.set("2026-10-12T15:00:00+08:00");
        cases.act("scjg", number, "draft-result", Cases.result("2026-10-12"));
        JsonNode submitted = cases.act("scjg-head", number, "sign-off", Map.of("comment", "同意上报"));
        assertThat(submitted.get("status").asString()).isEqualTo("RESULT_SUBMITTED");
        assertThat(submitted.get("finding").asString()).isEqualTo("TRUE");

        // 审核, 回访, 销号
        JsonNode approved = cases.act("office", number, "review", Map.of("approve", true, "comment", "符合要求"));
        assertThat(approved.get("status").asString()).isEqualTo("VISITING");
        JsonNode closed = cases.act("office", number, "visit",
                Map.of("reached", true, "method", "电话", "satisfaction", "SATISFIED", "comment", "企业表示满意"));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("satisfaction").asString()).isEqualTo("SATISFIED");
        answersAsStored(closed, number);

        // 归档: an immutable dossier
        JsonNode archived = cases.act("office", number, "archive", Map.of());
        assertThat(archived.get("archivedAt").isNull()).isFalse();
        assertThat(archived.get("archive").get("classification").asString()).isEqualTo("投诉／"
                + "行政许可、政务服务申请不予受理或未按规定程序和时限办理／已办结");
        assertThat(archived.get("allowedActions")).isEmpty();
        JsonNode dossier = api.as("office").get("/api/v1/cases/" + number + "/dossier").expect(200).json();
        assertThat(dossier.get("sha256").asString()).isEqualTo(archived.get("archive").get("dossierHash").asString());
        assertThat(dossier.get("content").asString()).contains(number).contains("visit");
        api.as("office").post("/api/v1/cases/" + number + "/refer", Map.of("target", "示范市纪委监委", "reason", "x"))
                .problem(409);

        // the timeline holds one event per action, in order
        assertThat(cases.timelineActions("office", number)).containsExactly("register", "accept", "assign", "sign",
                "initial-reply", "supervise", "draft-result", "sign-off", "review", "visit", "archive");
        JsonNode first = cases.get("office", number).get("timeline").get(0);
        assertThat(first.get("actor").asString()).isEqualTo("office");
        assertThat(first.get("orgCode").asString()).isEqualTo("SF-YSB");
        assertThat(first.get("toStatus").asString()).isEqualTo("REGISTERED");

        // the complainant follows it with number and code
        JsonNode tracked = api.anonymous().get("/api/v1/public/cases/" + number + "?code=" + code).expect(200).json();
        assertThat(tracked.get("status").asString()).isEqualTo("CLOSED");
        assertThat(tracked.get("result").get("measures").asString()).contains("已于当日办结");
        assertThat(tracked.get("timeline").toString()).contains("已交 示范市市场监督管理局 办理").doesNotContain("请抓紧办理");
    }

    static List<String> names(JsonNode actions) {
        return actions.valueStream().map(a -> a.get("action").asString()).toList();
    }
}
