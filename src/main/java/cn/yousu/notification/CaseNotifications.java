package cn.yousu.notification;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseActivity;
import cn.yousu.casework.CaseDetails;
import cn.yousu.casework.CaseReceipt;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.CaseStatus;
import cn.yousu.casework.Complainant;
import cn.yousu.casework.SupervisionLevel;
import cn.yousu.supervision.DeadlineWarning;
import cn.yousu.supervision.DeadlineWarnings;
import cn.yousu.identity.UserAccount;
import cn.yousu.identity.UserAccounts;
import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.OrganizationKind;
import cn.yousu.policy.RejectionReason;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened to a case into notifications, inside the transaction of the change (so a notification exists
 * exactly when the change was committed): the complainant by e-mail and SMS, the staff of the units and the office
 * in their inbox and by e-mail.
 */
@Component
class CaseNotifications {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CaseService cases;
    private final PromptDelivery delivery;
    private final Inbox inbox;
    private final UserAccounts accounts;
    /** The accounts of an organisation, for half a minute: a busy watch pass notifies the same units many times. */
    private final com.github.benmanes.caffeine.cache.Cache<String, List<UserAccount>> staff =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofSeconds(30))
                    .maximumSize(10_000).build();
    private final OrganizationDirectory directory;
    private final ZoneId zone;

    CaseNotifications(CaseService cases, PromptDelivery delivery, Inbox inbox, UserAccounts accounts,
            OrganizationDirectory directory, ZoneId applicationZone) {
        this.cases = cases;
        this.delivery = delivery;
        this.inbox = inbox;
        this.accounts = accounts;
        this.directory = directory;
        this.zone = applicationZone;
    }

    @EventListener
    void receipt(CaseReceipt receipt) {
        cases.forSystem(receipt.caseId()).ifPresent(c -> toComplainant(c, Template.RECEIPT,
                values(c, "code", receipt.trackingCode())));
    }

    @EventListener
    void activity(CaseActivity a) {
        if (!interesting(a)) {
            return;
        }
        Case c = cases.forSystem(a.caseId()).orElse(null);
        if (c == null) {
            return;
        }
        switch (a.action()) {
            case "accept" -> toComplainant(c, Template.ACCEPTED, values(c));
            case "reject" -> {
                CaseDetails.Rejection r = c.details().rejection();
                toComplainant(c, Template.REJECTED, values(c, "reasons",
                        r.reasons().stream().map(RejectionReason::label).collect(Collectors.joining("；")),
                        "explanation", r.explanation()));
            }
            case "assign" -> {
                Map<String, Object> v = values(c, "limit", c.details().handlingLimit().label(), "due", at(c.dueAt()));
                toStaff(units(c), Template.ASSIGNED, v, c);
            }
            case "decide-extension" -> {
                List<CaseDetails.Extension> all = c.details().extensions();
                CaseDetails.Extension last = all.get(all.size() - 1);
                if (Boolean.TRUE.equals(last.approved())) {
                    Map<String, Object> v = values(c, "days", last.workingDays(), "due", at(last.newDueAt()));
                    toStaff(units(c), Template.EXTENSION_APPROVED, v, c);
                    toComplainant(c, Template.EXTENSION_APPROVED, v);
                }
            }
            case "review" -> {
                if (a.toStatus() == CaseStatus.VISITING) {
                    List<CaseDetails.Result> results = c.details().results();
                    toComplainant(c, Template.RESULT_FEEDBACK, values(c, "measures",
                            results.get(results.size() - 1).measures(), "due", at(c.visitDueAt())));
                }
            }
            case "supervise" -> supervision(c);
            default -> {
            }
        }
        if (a.toStatus() == CaseStatus.CLOSED && a.fromStatus() != CaseStatus.CLOSED) {
            toComplainant(c, Template.CLOSED, values(c));
        }
    }

    private static boolean interesting(CaseActivity a) {
        return Set.of("accept", "reject", "assign", "decide-extension", "review", "supervise").contains(a.action())
                || a.toStatus() == CaseStatus.CLOSED;
    }

    private void supervision(Case c) {
        List<CaseDetails.Supervision> all = c.details().supervisions();
        CaseDetails.Supervision s = all.get(all.size() - 1);
        Map<String, Object> v = values(c, "notice", s.number() == null ? s.level().label() : "督办单" + s.number(),
                "level", s.level().label(), "content", sentence(s.content()),
                "reply", s.replyDueAt() == null ? "" : "请于 " + at(s.replyDueAt()) + " 前将办理结果向营商办反馈。");
        List<UserAccount> people = new ArrayList<>(units(c));
        if (s.level() == SupervisionLevel.LEADER) {
            people.addAll(leaders(c));
        }
        toStaff(people, Template.SUPERVISION_NOTICE, v, c);
    }

    /** The office's words as a sentence of the notice: the deadline that follows starts a sentence of its own. */
    static String sentence(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() || "。！？；.!?;".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + "。";
    }

    /** Clocks of cases turned yellow or red: the units and the offices are told, the whole chunk in one batch. */
    @EventListener
    void warnings(DeadlineWarnings chunk) {
        StaffMessages messages = new StaffMessages();
        for (DeadlineWarning w : chunk.warnings()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("number", w.caseNumber());
            v.put("title", w.title());
            v.put("clock", w.clockName());
            v.put("due", w.due());
            List<UserAccount> people = new ArrayList<>(units(w.leadUnitCode(), w.cooperatingUnitCodes()));
            people.addAll(office(w.officeRegionCode()));
            messages.add(people, w.red() ? Template.WARNING_RED : Template.WARNING_YELLOW, v, w.caseId(),
                    w.caseNumber());
        }
        write(messages);
    }

    // ------------------------------------------------------------------ recipients

    private List<UserAccount> units(Case c) {
        return units(c.leadUnitCode(), c.cooperatingUnitCodes());
    }

    private List<UserAccount> units(String lead, List<String> cooperating) {
        List<UserAccount> people = new ArrayList<>();
        if (lead != null) {
            people.addAll(people(lead));
        }
        cooperating.forEach(u -> people.addAll(people(u)));
        return people;
    }

    private List<UserAccount> office(String officeRegionCode) {
        return directory.officeOf(officeRegionCode).map(o -> people(o.code())).orElse(List.of());
    }

    private List<UserAccount> leaders(Case c) {
        List<UserAccount> people = new ArrayList<>();
        for (Organization o : directory.organizations()) {
            if (o.kind() == OrganizationKind.GOVERNMENT && c.officeRegionCode().equals(o.regionCode())) {
                people.addAll(people(o.code()));
            }
        }
        return people;
    }

    private List<UserAccount> people(String orgCode) {
        return staff.get(orgCode, accounts::ofOrganization);
    }

    private void toStaff(List<UserAccount> people, Template template, Map<String, Object> values, Case c) {
        toStaff(people, template, values, c.id(), c.number());
    }

    private void toStaff(List<UserAccount> people, Template template, Map<String, Object> values, long caseId,
            String caseNumber) {
        StaffMessages messages = new StaffMessages();
        messages.add(people, template, values, caseId, caseNumber);
        write(messages);
    }

    /** Inbox items and e-mails to staff, gathered so that they are written in one batch each. */
    private static final class StaffMessages {

        private final List<Inbox.NewItem> items = new ArrayList<>();
        private final List<Outbox.NewMessage> emails = new ArrayList<>();

        /** One message for each of {@code people} (once each): in their inbox, and by e-mail to those with one. */
        void add(List<UserAccount> people, Template template, Map<String, Object> values, long caseId,
                String caseNumber) {
            String subject = template.subject(values);
            String body = template.body(values);
            Set<String> seen = new LinkedHashSet<>();
            for (UserAccount p : people) {
                if (!seen.add(p.username())) {
                    continue;
                }
                items.add(new Inbox.NewItem(p.username(), template, subject, body, caseNumber));
                if (p.email() != null && !p.email().isBlank()) {
                    emails.add(new Outbox.NewMessage(Outbox.Channel.EMAIL, p.email(), template, subject, body, caseId,
                            caseNumber));
                }
            }
        }
    }

    private void write(StaffMessages messages) {
        inbox.addAll(messages.items);
        delivery.add(messages.emails);
    }

    private void toComplainant(Case c, Template template, Map<String, Object> values) {
        Complainant p = c.complainant();
        String subject = template.subject(values);
        String body = template.body(values);
        List<Outbox.NewMessage> messages = new ArrayList<>(2);
        if (p.email() != null && !p.email().isBlank()) {
            messages.add(new Outbox.NewMessage(Outbox.Channel.EMAIL, p.email(), template, subject, body, c.id(),
                    c.number()));
        }
        if (p.phone() != null && !p.phone().isBlank()) {
            messages.add(new Outbox.NewMessage(Outbox.Channel.SMS, p.phone(), template, subject, body, c.id(),
                    c.number()));
        }
        // e-mail and SMS in one batch: one round trip for both
        delivery.add(messages);
    }

    private Map<String, Object> values(Case c, Object... pairs) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("number", c.number());
        v.put("title", c.title());
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            v.put((String) pairs[i], pairs[i + 1]);
        }
        return v;
    }

    private String at(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }
}
