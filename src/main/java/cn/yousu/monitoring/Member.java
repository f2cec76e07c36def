package cn.yousu.monitoring;

import java.time.Instant;
import java.time.LocalDate;

/** A monitoring point or supervisor as registered; {@link #status(LocalDate)} is what it is on a given day. */
public record Member(long id, MemberKind kind, String regionCode, String name, MemberCategory category,
        String workUnit, LocalDate birthDate, String phone, String contactPerson, Nomination nomination,
        String recommendedBy, boolean disciplinaryRecord, boolean criminalRecord, boolean dishonest,
        MemberStatus storedStatus, String numberIssued, LocalDate termStart, LocalDate termEnd, String username,
        String endedReason, Instant endedAt, Instant nominatedAt, int version) {

    /** Two years, expiring by itself (seed 004 三(六)): after its last day an active term is over. */
    public MemberStatus status(LocalDate today) {
        if (storedStatus == MemberStatus.ACTIVE && termEnd != null && today.isAfter(termEnd)) {
            return MemberStatus.EXPIRED;
        }
        return storedStatus;
    }

    public boolean activeOn(LocalDate today) {
        return status(today) == MemberStatus.ACTIVE;
    }
}
