package cn.yousu.supervision.web;

import cn.yousu.identity.CurrentActor;
import cn.yousu.supervision.SupervisionRecords;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The units' supervision record (督办记录). */
@RestController
class SupervisionRecordController {

    private final SupervisionRecords records;
    private final Clock clock;
    private final ZoneId zone;

    SupervisionRecordController(SupervisionRecords records, Clock clock, ZoneId applicationZone) {
        this.records = records;
        this.clock = clock;
        this.zone = applicationZone;
    }

    record EntryView(String caseNumber, long supervisionId, String unitCode, String unitName, String level,
            String levelName, String noticeNumber, boolean automatic, OffsetDateTime issuedAt,
            OffsetDateTime replyDueAt, OffsetDateTime repliedAt, boolean late) {
    }

    @GetMapping("/api/v1/supervision/records")
    List<EntryView> list(@RequestParam(required = false) String unitCode,
            @RequestParam(defaultValue = "200") int limit) {
        java.time.Instant now = clock.instant();
        return records.of(CurrentActor.get(), unitCode, limit).stream().map(e -> new EntryView(e.caseNumber(),
                e.supervisionId(), e.unitCode(), e.unitName(), e.level().name(), e.level().label(), e.noticeNumber(),
                e.automatic(), at(e.issuedAt()), at(e.replyDueAt()), at(e.repliedAt()), e.late(now))).toList();
    }

    private OffsetDateTime at(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
