package cn.yousu.casework;

import cn.yousu.shared.Databases;
import cn.yousu.calendar.CalendarService;
import cn.yousu.identity.Actor;
import cn.yousu.identity.Role;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.Region;
import cn.yousu.policy.Policy;
import cn.yousu.policy.Satisfaction;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.WriteBatch;
import cn.yousu.shared.NumberSequences;
import cn.yousu.shared.Validation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application service of casework: the transaction boundary of every action. It loads the case in the
 * caller's scope (404 outside it), lets the case decide, stores it with its new timeline events and announces
 * what happened to the other modules.
 */
@Service
public class CaseService {

    /** Without 0/O/1/I/L so that a code read over the phone is not misheard. */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaseRepository cases;
    private final CalendarService calendars;
    private final Policy policy;
    private final OrganizationDirectory directory;
    private final Clock clock;
    private final ZoneId zone;
    private final NumberSequences sequences;
    private final Attachments attachments;
    private final Dossiers dossiers;
    private final ApplicationEventPublisher events;
    /** The case whose activity is being announced on this thread (see {@link #forSystem}). */
    private final ThreadLocal<Case> announcing = new ThreadLocal<>();
    private final TransactionTemplate transaction;
    private final RecentCases recent;
    private final WriteBatch writes;

    CaseService(CaseRepository cases, CalendarService calendars, Policy policy, OrganizationDirectory directory,
            Clock clock, ZoneId applicationZone, NumberSequences sequences, Attachments attachments, Dossiers dossiers,
            ApplicationEventPublisher events, TransactionTemplate transaction, RecentCases recent, WriteBatch writes) {
        this.cases = cases;
        this.writes = writes;
        this.recent = recent;
        this.calendars = calendars;
        this.policy = policy;
        this.directory = directory;
        this.clock = clock;
        this.zone = applicationZone;
        this.sequences = sequences;
        this.attachments = attachments;
        this.dossiers = dossiers;
        this.events = events;
        this.transaction = transaction;
    }

    /** The rules as they stand now: policy, today's calendar, the zone, the clock's instant, the directory. */
    public CaseRules rules() {
        // milliseconds: what every database keeps, so a case reads back exactly as it was written
        return new CaseRules(policy, calendars.current(), zone, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                directory);
    }

    // ------------------------------------------------------------------ registration

    /** A registered case with its tracking code, which is shown once and stored only as a hash. */
    public record Registered(Case registered, String trackingCode) {
    }

    /**
     * Registers a checked case. Office staff register for their region or a region below it; the public portal
     * (the complainant actor) for any region with an office.
     */
    public Registered register(NewCase n, Actor actor) {
        Validation v = Validation.start();
        Region region = n.regionCode() == null ? null : directory.region(n.regionCode()).orElse(null);
        v.required(n.regionCode(), "regionCode", "所属区域");
        v.check(n.regionCode() != null && region == null, "regionCode", "区域不存在");
        v.check(region != null && directory.officeOf(region.code()).isEmpty(), "regionCode", "该区域没有营商办，无法登记");
        v.throwIfInvalid();
        // monitoring points and supervisors register their own reports, with their channel (DESIGN §9)
        boolean monitor = actor.has(Role.MONITOR)
                && (n.channel() == Channel.MONITORING_POINT || n.channel() == Channel.SUPERVISOR);
        if (!actor.isComplainant() && !actor.isSystem()) {
            if (!monitor && (!actor.inOffice() || !actor.has(Role.INTAKE))) {
                throw ApiProblem.forbidden("只有营商办受理员可以登记诉求");
            }
            if (!directory.isWithin(region.code(), actor.regionCode())) {
                throw ApiProblem.invalid("regionCode", "只能登记本区域或下级区域的诉求");
            }
        }
        attachments.checkUnattached(n.attachmentIds(), "attachmentIds");
        if (n.agent() != null && n.agent().powerOfAttorneyAttachmentId() != null) {
            attachments.checkUnattached(List.of(n.agent().powerOfAttorneyAttachmentId()),
                    "agent.powerOfAttorneyAttachmentId");
        }
        CaseRules rules = rules();
        String code = newTrackingCode();
        int year = rules.now().atZone(zone).getYear();
        // drawn from a database sequence outside the transaction: concurrent registrations never queue on a counter
        NumberSequences.Drawn drawn = sequences.drawWithRowId("CASE:" + region.code() + ":" + year, "case_file");
        Case c = Case.register(policy.formatCaseNumber(region.numberPrefix(), year, drawn.number()), hash(code), n,
                actor, rules);
        if (drawn.rowId() != null) {
            c.assignId(drawn.rowId());
        }
        List<TimelineEntry> recorded = pendingEvents(c);
        transaction.executeWithoutResult(status -> writes.together(() -> {
            cases.insert(c);
            attachments.attach(c.details().attachmentIds(), c.id(), "attachmentIds");
            c.timelineLoaded(recorded);
            recent.registered(c, recorded);
            announce(null, c, recorded, new CaseReceipt(c.id(), c.number(), code));
            return null;
        }));
        return new Registered(c, code);
    }

    // ------------------------------------------------------------------ reading

    /** The case (with its timeline) as {@code actor} may see it; 404 when it does not exist or lies outside their scope. */
    @Transactional(readOnly = true)
    public Case get(String number, Actor actor) {
        return withTimeline(visible(number, actor, rules()));
    }

    /** The case for the complainant holding its number and tracking code; 404 when either is wrong. */
    @Transactional(readOnly = true)
    public Case getForComplainant(String number, String trackingCode) {
        return withTimeline(byCode(number, trackingCode));
    }

    /** The case's timeline: the one loaded with it by the action or read that returned it, else read now. */
    public List<TimelineEntry> timeline(Case c) {
        List<TimelineEntry> loaded = c.loadedTimeline();
        return loaded != null ? loaded : recent.timelineOf(c);
    }

    private Case withTimeline(Case c) {
        c.timelineLoaded(recent.timelineOf(c));
        return c;
    }

    /**
     * The case by its id, for the application's own jobs and listeners (no scope: the system sees every case). A
     * listener of a case's activity gets the case as the action just left it, without reading it again.
     */
    @Transactional(readOnly = true)
    public Optional<Case> forSystem(long caseId) {
        Case current = announcing.get();
        return current != null && current.id() == caseId ? Optional.of(current) : cases.findById(caseId);
    }

    /** A case closed in a period (回头看 sampling draws from these). */
    public record ClosedCase(long id, String number, String officeRegionCode) {
    }

    /** The cases that reached CLOSED in {@code [from, to)}, by id. */
    @Transactional(readOnly = true)
    public List<ClosedCase> closedBetween(java.time.Instant from, java.time.Instant to) {
        return cases.closedBetween(from, to);
    }

    /**
     * Open cases (neither final nor archived) with ids after {@code afterId}, in id order, at most {@code limit}: jobs
     * go over every open case a batch at a time (keyset reading), never all of them in memory.
     */
    @Transactional(readOnly = true)
    public List<Case> openAfter(long afterId, int limit) {
        List<Object> params = new java.util.ArrayList<>();
        params.add(afterId);
        java.util.Arrays.stream(CaseStatus.values()).filter(CaseStatus::isFinal).map(CaseStatus::name)
                .forEach(params::add);
        String finals = Databases.placeholders(params.size() - 1);
        return cases.findWhere("c.id > ? AND c.status NOT IN (" + finals + ") AND c.archived_at IS NULL", params,
                "c.id", limit);
    }

    /**
     * The cases {@code ids} as they stand, each locked until the caller's transaction ends, for a job that writes
     * rows derived from a case's state: no action changes the case (and its listeners the derived rows) meanwhile.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<Case> lockForSystem(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : cases.lock(ids);
    }

    /**
     * Locks the cases {@code ids} in id order until the caller's transaction ends, for a job that is about to write
     * rows of its own about them and then the cases: taking the cases first is the order every case action follows
     * (the case, then its clocks and the rest), so the job and the actions wait for each other instead of deadlocking.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockCasesForSystem(java.util.Collection<Long> ids) {
        if (!ids.isEmpty()) {
            cases.lockRows(ids);
        }
    }

    /** Cases of the same complainant registered since {@code since} (duplicate screening). */
    public List<CaseSummary> sameComplainantSince(Complainant complainant, java.time.Instant since) {
        String key = CaseKeys.complainant(complainant);
        return key == null ? List.of() : cases.findByComplainantKey(key, since);
    }

    // ------------------------------------------------------------------ office actions

    @Transactional
    public Case accept(String number, Actor a, CaseCommands.Accept cmd) {
        CaseCommands.Accept in = cmd == null ? new CaseCommands.Accept(null, null, null) : cmd;
        return act(number, a, (c, r) -> c.accept(a, in.kind(), in.complexity(), in.categoryCode(), r));
    }

    @Transactional
    public Case reject(String number, Actor a, CaseCommands.Reject cmd) {
        CaseCommands.Reject in = cmd == null ? new CaseCommands.Reject(null, null) : cmd;
        return act(number, a, (c, r) -> c.reject(a, in.reasons(), in.explanation(), r));
    }

    @Transactional
    public Case transferOut(String number, Actor a, CaseCommands.TransferOut cmd) {
        CaseCommands.TransferOut in = cmd == null ? new CaseCommands.TransferOut(null, null) : cmd;
        return act(number, a, (c, r) -> c.transferOut(a, in.target(), in.explanation(), r));
    }

    @Transactional
    public Case answer(String number, Actor a, CaseCommands.Answer cmd) {
        return act(number, a, (c, r) -> c.answer(a, cmd == null ? null : cmd.answer(), r));
    }

    @Transactional
    public Case assign(String number, Actor a, CaseCommands.Assign cmd) {
        CaseCommands.Assign in = cmd == null ? new CaseCommands.Assign(null, null, null) : cmd;
        return act(number, a, (c, r) -> c.assign(a, in.leadUnitCode(), in.cooperatingUnitCodes(), in.requirements(), r));
    }

    @Transactional
    public Case transferDown(String number, Actor a, CaseCommands.TransferDown cmd) {
        return act(number, a, (c, r) -> c.transferDown(a, cmd == null ? null : cmd.regionCode(), r));
    }

    @Transactional
    public Case decideExtension(String number, Actor a, CaseCommands.DecideExtension cmd) {
        CaseCommands.DecideExtension in = cmd == null ? new CaseCommands.DecideExtension(null, null) : cmd;
        return act(number, a, (c, r) -> c.decideExtension(a, in.approve(), in.comment(), r));
    }

    @Transactional
    public Case review(String number, Actor a, CaseCommands.Review cmd) {
        CaseCommands.Review in = cmd == null ? new CaseCommands.Review(null, null, null) : cmd;
        return act(number, a, (c, r) -> c.review(a, in.approve(), in.failedChecks(), in.comment(), r));
    }

    @Transactional
    public Case visit(String number, Actor a, CaseCommands.Visit cmd) {
        CaseCommands.Visit in = cmd == null ? new CaseCommands.Visit(null, null, null, null) : cmd;
        return act(number, a, (c, r) -> c.visit(a,
                new Case.VisitInput(in.reached(), in.method(), in.satisfaction(), in.comment()), r));
    }

    @Transactional
    public Case conclude(String number, Actor a, CaseCommands.Conclude cmd) {
        CaseCommands.Conclude in = cmd == null ? new CaseCommands.Conclude(null, null, null) : cmd;
        return act(number, a, (c, r) -> c.conclude(a, in.rehandle(), in.newEvidence(), in.comment(), r));
    }

    @Transactional
    public Case supervise(String number, Actor a, CaseCommands.Supervise cmd) {
        CaseCommands.Supervise in = cmd == null ? new CaseCommands.Supervise(null, null) : cmd;
        return supervise(number, a, in.level(), in.content(), false);
    }

    /** Issues a supervision; a notice (督办单) gets the next 〔year〕N号 of the issuing office. */
    @Transactional
    public Case supervise(String number, Actor a, SupervisionLevel level, String content, boolean automatic) {
        return act(number, a, (c, r) -> {
            c.authorize(CaseAction.SUPERVISE, a, r);
            String noticeNumber = null;
            if (level == SupervisionLevel.NOTICE && c.leadUnitCode() != null && content != null && !content.isBlank()) {
                String office = a.regionCode() == null ? c.officeRegionCode() : a.regionCode();
                int year = r.now().atZone(zone).getYear();
                noticeNumber = "〔" + year + "〕" + sequences.next("SUPERVISION:" + office + ":" + year) + "号";
            }
            c.supervise(a, level, content, noticeNumber, automatic, r);
        });
    }

    @Transactional
    public Case refer(String number, Actor a, CaseCommands.Refer cmd) {
        CaseCommands.Refer in = cmd == null ? new CaseCommands.Refer(null, null) : cmd;
        return act(number, a, (c, r) -> c.refer(a, in.target(), in.reason(), r));
    }

    @Transactional
    public Case terminate(String number, Actor a, CaseCommands.Terminate cmd) {
        CaseCommands.Terminate in = cmd == null ? new CaseCommands.Terminate(null, null) : cmd;
        return act(number, a, (c, r) -> c.terminate(a, in.reason(), in.comment(), r));
    }

    /** Archives the case and stores its dossier: the whole case and timeline as they stand, with their SHA-256. */
    @Transactional
    public Case archive(String number, Actor a) {
        return act(number, a, (c, r) -> {
            c.authorize(CaseAction.ARCHIVE, a, r);
            String classification = classification(c);
            Dossiers.Sealed sealed = dossiers.seal(c, cases.timeline(c.id()), classification, r);
            c.archive(a, classification, sealed.sha256(), r);
        });
    }

    static String classification(Case c) {
        return c.kind().label() + "／" + (c.categoryCode() == null ? "未分类"
                : cn.yousu.policy.Categories.name(c.categoryCode())) + "／" + c.status().label();
    }

    // ------------------------------------------------------------------ unit actions

    @Transactional
    public Case sign(String number, Actor a) {
        return act(number, a, (c, r) -> c.sign(a, r));
    }

    @Transactional
    public Case returnToOffice(String number, Actor a, CaseCommands.Return cmd) {
        return act(number, a, (c, r) -> c.returnToOffice(a, cmd == null ? null : cmd.reason(), r));
    }

    @Transactional
    public Case initialReply(String number, Actor a, CaseCommands.InitialReply cmd) {
        CaseCommands.InitialReply in = cmd == null ? new CaseCommands.InitialReply(null, null) : cmd;
        return act(number, a, (c, r) -> c.initialReply(a, in.content(), in.method(), r));
    }

    @Transactional
    public Case cooperate(String number, Actor a, CaseCommands.Cooperate cmd) {
        return act(number, a, (c, r) -> c.cooperate(a, cmd == null ? null : cmd.opinion(), r));
    }

    @Transactional
    public Case requestExtension(String number, Actor a, CaseCommands.RequestExtension cmd) {
        CaseCommands.RequestExtension in = cmd == null ? new CaseCommands.RequestExtension(null, null) : cmd;
        return act(number, a, (c, r) -> c.requestExtension(a, in.workingDays(), in.reason(), r));
    }

    @Transactional
    public Case suspend(String number, Actor a, CaseCommands.Suspend cmd) {
        CaseCommands.Suspend in = cmd == null ? new CaseCommands.Suspend(null, null) : cmd;
        return act(number, a, (c, r) -> c.suspend(a, in.reason(), in.comment(), r));
    }

    @Transactional
    public Case resume(String number, Actor a, CaseCommands.Resume cmd) {
        return act(number, a, (c, r) -> c.resume(a, cmd == null ? null : cmd.comment(), r));
    }

    @Transactional
    public Case draftResult(String number, Actor a, CaseCommands.DraftResult cmd) {
        CaseCommands.DraftResult in = cmd == null ? new CaseCommands.DraftResult(null, null, null, null, null, null)
                : cmd;
        CaseDetails.Feedback feedback = in.feedback() == null ? null
                : new CaseDetails.Feedback(in.feedback().at(), in.feedback().method(), in.feedback().attitude());
        return act(number, a, (c, r) -> c.draftResult(a, new Case.ResultInput(in.finding(), in.verification(),
                in.measures(), feedback, in.dissatisfactionReason(), in.nextSteps()), r));
    }

    @Transactional
    public Case signOff(String number, Actor a, CaseCommands.SignOff cmd) {
        return act(number, a, (c, r) -> c.signOff(a, cmd == null ? null : cmd.comment(), r));
    }

    @Transactional
    public Case explain(String number, Actor a, CaseCommands.Explain cmd) {
        return act(number, a, (c, r) -> c.explain(a, cmd == null ? null : cmd.explanation(), r));
    }

    @Transactional
    public Case replySupervision(String number, Actor a, CaseCommands.ReplySupervision cmd) {
        CaseCommands.ReplySupervision in = cmd == null ? new CaseCommands.ReplySupervision(null, null) : cmd;
        return act(number, a, (c, r) -> c.replySupervision(a, in.supervisionId(), in.content(), r));
    }

    // ------------------------------------------------------------------ the complainant (number + tracking code)

    @Transactional
    public Case addMaterial(String number, String code, CaseCommands.Material cmd) {
        CaseCommands.Material in = cmd == null ? new CaseCommands.Material(null, null, null) : cmd;
        return actAsComplainant(number, code, (c, a, r) -> {
            c.authorize(CaseAction.ADD_MATERIAL, a, r);
            attachments.checkUnattached(in.attachmentIds(), "attachmentIds");
            c.addMaterial(a, in.content(), in.attachmentIds(), in.objection(), r);
            attachments.attach(in.attachmentIds() == null ? List.of() : in.attachmentIds(), c.id(), "attachmentIds");
        });
    }

    @Transactional
    public Case withdraw(String number, String code, CaseCommands.Withdraw cmd) {
        return actAsComplainant(number, code, (c, a, r) -> c.withdraw(a, cmd == null ? null : cmd.reason(), r));
    }

    @Transactional
    public Case evaluate(String number, String code, CaseCommands.Evaluate cmd) {
        Satisfaction level = cmd == null ? null : cmd.satisfaction();
        String comment = cmd == null ? null : cmd.comment();
        return actAsComplainant(number, code, (c, a, r) -> c.visit(a,
                new Case.VisitInput(true, "ONLINE", level, comment), r));
    }

    @Transactional
    public Case escalate(String number, String code, CaseCommands.Escalate cmd) {
        CaseCommands.Escalate in = cmd == null ? new CaseCommands.Escalate(null, null) : cmd;
        return actAsComplainant(number, code, (c, a, r) -> c.escalate(a, in.reason(), in.comment(), r));
    }

    /**
     * Records on the case's timeline what another module did with it (a hearing, a task list), in the name of an
     * office member who can see the case; the status does not change.
     */
    @Transactional
    public Case annotate(String number, Actor a, String action, String comment, java.util.Map<String, Object> data,
            String publicText) {
        if (!a.inOffice()) {
            throw ApiProblem.forbidden("只有营商办工作人员可以在案件时间线上登记此事项");
        }
        return act(number, a, (c, r) -> c.note(a, action, comment, data, publicText, r.now()));
    }

    // ------------------------------------------------------------------ system (scheduled jobs)

    /** Appends a system note (a warning colour change, say) to a case's timeline; used by scheduled jobs. */
    @Transactional
    public Case note(long caseId, String action, String comment, java.util.Map<String, Object> data,
            String publicText) {
        Case c = cases.findById(caseId).orElseThrow(() -> ApiProblem.notFound("案件不存在"));
        Case before = c.copy();
        c.note(Actor.system(), action, comment, data, publicText, clock.instant());
        List<TimelineEntry> recorded = pendingEvents(c);
        return writes.together(() -> {
            cases.update(c);
            announce(before, c, recorded);
            return c;
        });
    }

    // ------------------------------------------------------------------ machinery

    Case act(String number, Actor actor, BiConsumer<Case, CaseRules> change) {
        CaseRules rules = rules();
        return apply(() -> visible(number, actor, rules), c -> change.accept(c, rules));
    }

    interface ComplainantChange {
        void apply(Case c, Actor complainant, CaseRules rules);
    }

    private Case actAsComplainant(String number, String code, ComplainantChange change) {
        CaseRules rules = rules();
        return apply(() -> byCode(number, code), c -> change.apply(c,
                Actor.complainant(c.complainant().anonymous() ? null : c.complainant().displayName()), rules));
    }

    /**
     * Reads the case, applies the change and writes it. When the write finds that the case changed since it was read
     * only on its timeline (a warning colour the deadline watch recorded in that instant), the change is applied once
     * more to the case as it now stands, and judged again against it: no one is sent back for what no person did.
     * Any other change meanwhile (another person's action) answers 409, so that of two concurrent actions one wins.
     */
    private Case apply(java.util.function.Supplier<Case> read, java.util.function.Consumer<Case> change) {
        for (int attempt = 1; ; attempt++) {
            Case c = read.get();
            Case before = c.copy();
            change.accept(c);
            List<TimelineEntry> recorded = pendingEvents(c);
            // the case's rows and every listener's are written together once the listeners are done
            boolean written = writes.together(() -> {
                if (!cases.tryUpdate(c)) {
                    return false;
                }
                announce(before, c, recorded);
                return true;
            });
            if (written) {
                c.timelineLoaded(recent.afterWrite(c, before.version(), recorded));
                return c;
            }
            if (attempt > 1 || !cases.storedStateEquals(before)) {
                throw ApiProblem.concurrentChange();
            }
        }
    }

    private Case visible(String number, Actor actor, CaseRules rules) {
        Optional<Case> found = number == null ? Optional.empty() : recent.byNumber(number);
        return found.filter(c -> c.visibleTo(actor, rules))
                .orElseThrow(() -> ApiProblem.notFound("没有编号为 " + number + " 的案件，或您无权查看"));
    }

    private Case byCode(String number, String code) {
        Optional<Case> found = number == null || code == null ? Optional.empty() : recent.byNumber(number);
        return found.filter(c -> MessageDigest.isEqual(c.trackingCodeHash().getBytes(StandardCharsets.US_ASCII),
                        hash(normaliseCode(code)).getBytes(StandardCharsets.US_ASCII)))
                .orElseThrow(() -> ApiProblem.notFound("诉求编号或查询码不正确"));
    }

    private static List<TimelineEntry> pendingEvents(Case c) {
        return c.peekNewEvents();
    }

    /**
     * Publishes the case's new timeline events, then the change as a whole (and any further events), to the listeners
     * in this transaction.
     */
    private void announce(Case before, Case c, List<TimelineEntry> recorded, Object... more) {
        Case outer = announcing.get();
        announcing.set(c);
        try {
            for (TimelineEntry e : recorded) {
                events.publishEvent(new CaseActivity(c.id(), c.number(), e.action(), e.fromStatus(), e.toStatus(),
                        e.actor(), e.at(), c.leadUnitCode(), c.officeRegionCode()));
            }
            events.publishEvent(new CaseChanged(before, c, List.copyOf(recorded)));
            for (Object event : more) {
                events.publishEvent(event);
            }
        } finally {
            announcing.set(outer);
        }
    }

    static String newTrackingCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    static String normaliseCode(String code) {
        return code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
