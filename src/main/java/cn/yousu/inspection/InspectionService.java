package cn.yousu.inspection;

import cn.yousu.calendar.CalendarService;
import cn.yousu.calendar.DeadlineStatus;
import cn.yousu.calendar.TimeLimit;
import cn.yousu.calendar.WorkCalendar;
import cn.yousu.identity.Actor;
import cn.yousu.identity.Role;
import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.Region;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.NumberSequences;
import cn.yousu.shared.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection application service and transaction boundary. Offices inspect their region and the regions below
 * (督办员 or 领导); a unit sees the inspections with findings addressed to it and reports its rectification.
 */
@Service
public class InspectionService {

    static final int MAX_WORKING_DAYS = 120;
    /** A finding's badge turns yellow with this many working days left. */
    static final int YELLOW_WORKING_DAYS = 2;
    private static final Set<Role> INSPECTORS = EnumSet.of(Role.SUPERVISOR, Role.LEADER);
    private static final Set<Role> UNIT_ROLES = EnumSet.of(Role.HANDLER, Role.UNIT_HEAD);

    private final InspectionRepository repository;
    private final CalendarService calendars;
    private final OrganizationDirectory directory;
    private final NumberSequences sequences;
    private final Clock clock;
    private final ZoneId zone;

    InspectionService(InspectionRepository repository, CalendarService calendars, OrganizationDirectory directory,
            NumberSequences sequences, Clock clock, ZoneId applicationZone) {
        this.repository = repository;
        this.calendars = calendars;
        this.directory = directory;
        this.sequences = sequences;
        this.clock = clock;
        this.zone = applicationZone;
    }

    // ------------------------------------------------------------------ views

    public record FindingView(long id, long inspectionId, String unitCode, String unitName, String description,
            String requirement, int workingDays, OffsetDateTime dueAt, Badge deadline, boolean overdue,
            FindingStatus status, String statusName, String measures, OffsetDateTime reportedAt,
            OffsetDateTime verifiedAt, String verification) {
    }

    /** The rectification deadline as the pages' deadline badge shows it (as a case's deadline). */
    public record Badge(String name, OffsetDateTime dueAt, DeadlineStatus.State state, String label,
            int workingDaysLeft, int overdueWorkingDays) {
    }

    public record EventView(Long findingId, String action, String actionName, String comment, String actor,
            String actorName, String orgName, OffsetDateTime at) {
    }

    public record InspectionView(long id, String number, String officeRegionCode, String regionCode,
            String regionName, InspectionTheme theme, String themeName, String title, String content,
            List<String> unitCodes, List<String> unitNames, LocalDate plannedStart, LocalDate plannedEnd,
            InspectionStatus status, String statusName, String resultSummary, OffsetDateTime publishedAt,
            int findingCount, int verifiedCount, int overdueCount, List<FindingView> findings, List<EventView> events,
            List<String> allowedActions) {
    }

    /** One row of the inspection ledger (督察工作台账): a finding with its inspection. */
    public record LedgerRow(long inspectionId, String number, String title, String themeName, String regionName,
            InspectionStatus inspectionStatus, FindingView finding) {
    }

    /** What the public sees of a published inspection: the results and how far rectification has come. */
    public record PublicResult(long id, String number, String title, String themeName, String regionName,
            String resultSummary, OffsetDateTime publishedAt, int findingCount, int verifiedCount,
            List<PublicFinding> findings) {
    }

    public record PublicFinding(String unitName, String description, String requirement, OffsetDateTime dueAt,
            String statusName) {
    }

    // ------------------------------------------------------------------ actions

    @Transactional
    public InspectionView create(InspectionCommands.Create in, Actor actor) {
        requireInspector(actor);
        InspectionCommands.Create c = in == null
                ? new InspectionCommands.Create(null, null, null, null, null, null, null) : in;
        Validation v = Validation.start();
        String region = blank(c.regionCode()) ? actor.regionCode() : c.regionCode().trim();
        v.check(directory.region(region).isEmpty(), "regionCode", "区域不存在");
        v.check(directory.region(region).isPresent() && !directory.isWithin(region, actor.regionCode()), "regionCode",
                "只能督察本区域或下级区域");
        v.required(c.theme(), "theme", "督察重点");
        v.required(c.title(), "title", "督察任务名称");
        v.maxLength(c.title(), 200, "title", "督察任务名称");
        v.maxLength(c.content(), 2000, "content", "督察内容");
        List<String> units = c.unitCodes() == null ? List.of() : c.unitCodes();
        v.check(units.isEmpty(), "unitCodes", "请选择被督察单位");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            String field = "unitCodes[" + i + "]";
            Organization unit = units.get(i) == null ? null : directory.organization(units.get(i)).orElse(null);
            v.check(unit == null || !unit.isUnit(), field, "单位不存在");
            v.check(unit != null && unit.isUnit() && directory.region(region).isPresent()
                    && !directory.isWithin(unit.regionCode(), region), field,
                    "「" + (unit == null ? "" : unit.name()) + "」不在督察区域内");
            v.check(units.get(i) != null && !seen.add(units.get(i)), field, "重复");
        }
        v.required(c.plannedStart(), "plannedStart", "开始日期");
        v.required(c.plannedEnd(), "plannedEnd", "结束日期");
        v.check(c.plannedStart() != null && c.plannedEnd() != null && c.plannedEnd().isBefore(c.plannedStart()),
                "plannedEnd", "结束日期不能早于开始日期");
        v.throwIfInvalid();
        Instant now = clock.instant();
        int year = now.atZone(zone).getYear();
        String prefix = directory.region(actor.regionCode()).map(Region::numberPrefix).orElse(actor.regionCode());
        String number = prefix + "督〔" + year + "〕" + sequences.next("INSPECTION:" + actor.regionCode() + ":" + year)
                + "号";
        long id = repository.insert(new InspectionRecords.Inspection(0, number, actor.regionCode(), region, c.theme(),
                c.title().trim(), trim(c.content()), units, c.plannedStart(), c.plannedEnd(),
                InspectionStatus.UNDERWAY, null, null, actor.username(), now, 0));
        repository.event(id, null, "create", c.theme().label() + "：" + c.title().trim(), actor.username(),
                actor.displayName(), actor.orgName(), now);
        return view(id, actor);
    }

    /** A finding with its rectification requirement; the deadline counts working days on the official calendar. */
    @Transactional
    public InspectionView addFinding(long id, InspectionCommands.AddFinding in, Actor actor) {
        requireInspector(actor);
        InspectionRecords.Inspection i = load(id, actor);
        if (i.status() != InspectionStatus.UNDERWAY) {
            throw ApiProblem.conflict("当前状态为「" + i.status().label() + "」(" + i.status().name() + ")，不能再登记督察发现的问题");
        }
        InspectionCommands.AddFinding f = in == null ? new InspectionCommands.AddFinding(null, null, null, null) : in;
        Validation v = Validation.start();
        v.required(f.unitCode(), "unitCode", "整改单位");
        v.check(f.unitCode() != null && !i.unitCodes().contains(f.unitCode()), "unitCode", "不是本次督察的被督察单位");
        v.required(f.description(), "description", "发现的问题");
        v.maxLength(f.description(), 2000, "description", "发现的问题");
        v.required(f.requirement(), "requirement", "整改要求");
        v.maxLength(f.requirement(), 2000, "requirement", "整改要求");
        v.required(f.workingDays(), "workingDays", "整改时限（工作日）");
        v.check(f.workingDays() != null && (f.workingDays() < 1 || f.workingDays() > MAX_WORKING_DAYS),
                "workingDays", "整改时限应为 1–" + MAX_WORKING_DAYS + " 个工作日");
        v.throwIfInvalid();
        Instant now = clock.instant();
        Instant due = calendars.current().deadline(now, TimeLimit.workingDays(f.workingDays()), zone).due();
        long findingId = repository.insertFinding(id, f.unitCode(), f.description().trim(), f.requirement().trim(),
                f.workingDays(), due, now);
        repository.event(id, findingId, "finding", directory.organizationName(f.unitCode()) + "：" + f.description().trim()
                + "；" + f.workingDays() + " 个工作日内整改，" + due.atZone(zone).toLocalDate() + " 前", actor.username(),
                actor.displayName(), actor.orgName(), now);
        return view(id, actor);
    }

    /** The unit reports what it did; the office then verifies. */
    @Transactional
    public InspectionView reportRectification(long findingId, InspectionCommands.Report in, Actor actor) {
        InspectionRecords.Finding f = repository.finding(findingId).orElseThrow(this::noFinding);
        if (!actor.inUnit() || !actor.orgCode().equals(f.unitCode())) {
            throw noFinding();
        }
        if (!actor.hasAny(UNIT_ROLES)) {
            throw ApiProblem.forbidden("只有经办人或单位负责人可以报送整改情况");
        }
        if (f.status() != FindingStatus.RECTIFYING) {
            throw ApiProblem.conflict("当前状态为「" + f.status().label() + "」(" + f.status().name() + ")，不能报送整改情况");
        }
        String measures = in == null ? null : in.measures();
        Validation.start().required(measures, "measures", "整改措施和结果").maxLength(measures, 2000, "measures",
                "整改措施和结果").throwIfInvalid();
        Instant now = clock.instant();
        repository.updateFinding(new InspectionRecords.Finding(f.id(), f.inspectionId(), f.unitCode(),
                f.description(), f.requirement(), f.workingDays(), f.dueAt(), FindingStatus.REPORTED, measures.trim(),
                now, null, f.verification(), f.createdAt(), f.version()));
        repository.event(f.inspectionId(), f.id(), "report", measures.trim(), actor.username(), actor.displayName(),
                actor.orgName(), now);
        return view(f.inspectionId(), actor);
    }

    /** 跟踪督察: the office verifies a reported rectification, or sends it back with what is still missing. */
    @Transactional
    public InspectionView verify(long findingId, InspectionCommands.Verify in, Actor actor) {
        requireInspector(actor);
        InspectionRecords.Finding f = repository.finding(findingId).orElseThrow(this::noFinding);
        load(f.inspectionId(), actor);
        if (f.status() != FindingStatus.REPORTED) {
            throw ApiProblem.conflict("当前状态为「" + f.status().label() + "」(" + f.status().name() + ")，不能核验");
        }
        InspectionCommands.Verify r = in == null ? new InspectionCommands.Verify(null, null) : in;
        Validation v = Validation.start();
        v.required(r.approve(), "approve", "核验结论");
        v.check(Boolean.FALSE.equals(r.approve()) && blank(r.comment()), "comment", "整改不到位时请写明还需整改的内容");
        v.maxLength(r.comment(), 1000, "comment", "核验意见");
        v.throwIfInvalid();
        Instant now = clock.instant();
        boolean ok = r.approve();
        repository.updateFinding(new InspectionRecords.Finding(f.id(), f.inspectionId(), f.unitCode(),
                f.description(), f.requirement(), f.workingDays(), f.dueAt(),
                ok ? FindingStatus.VERIFIED : FindingStatus.RECTIFYING, f.measures(), f.reportedAt(),
                ok ? now : null, trim(r.comment()), f.createdAt(), f.version()));
        repository.event(f.inspectionId(), f.id(), ok ? "verify" : "send-back",
                blank(r.comment()) ? (ok ? "整改到位，核验销号" : null) : r.comment().trim(), actor.username(),
                actor.displayName(), actor.orgName(), now);
        return view(f.inspectionId(), actor);
    }

    /** 及时公布督察结果: the summary and each finding's state become public. */
    @Transactional
    public InspectionView publish(long id, InspectionCommands.Publish in, Actor actor) {
        requireInspector(actor);
        InspectionRecords.Inspection i = load(id, actor);
        if (i.status() != InspectionStatus.UNDERWAY) {
            throw ApiProblem.conflict("当前状态为「" + i.status().label() + "」(" + i.status().name() + ")，不能再次公布");
        }
        String summary = in == null ? null : in.summary();
        Validation.start().required(summary, "summary", "督察结果").maxLength(summary, 4000, "summary", "督察结果")
                .throwIfInvalid();
        Instant now = clock.instant();
        repository.publish(i, summary.trim(), now);
        repository.event(id, null, "publish", summary.trim(), actor.username(), actor.displayName(), actor.orgName(),
                now);
        return view(id, actor);
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public InspectionView get(long id, Actor actor) {
        return view(id, actor);
    }

    @Transactional(readOnly = true)
    public List<InspectionView> list(Actor actor) {
        List<InspectionRecords.Inspection> all = visibleInspections(actor);
        List<InspectionRecords.Finding> findings = repository.findings(all.stream().map(InspectionRecords.Inspection::id)
                .toList());
        WorkCalendar calendar = calendars.current();
        return all.stream().map(i -> view(i, findings.stream().filter(f -> f.inspectionId() == i.id())
                .filter(f -> !actor.inUnit() || f.unitCode().equals(actor.orgCode())).toList(), List.of(), calendar,
                actor)).toList();
    }

    /** The ledger: every finding of the caller's inspections; {@code openOnly} leaves out verified ones. */
    @Transactional(readOnly = true)
    public List<LedgerRow> ledger(Actor actor, boolean openOnly, boolean overdueOnly) {
        List<LedgerRow> rows = new ArrayList<>();
        for (InspectionView i : list(actor)) {
            for (FindingView f : i.findings()) {
                if ((openOnly && f.status() == FindingStatus.VERIFIED) || (overdueOnly && !f.overdue())) {
                    continue;
                }
                rows.add(new LedgerRow(i.id(), i.number(), i.title(), i.themeName(), i.regionName(), i.status(), f));
            }
        }
        return rows;
    }

    @Transactional(readOnly = true)
    public List<PublicResult> published() {
        WorkCalendar calendar = calendars.current();
        List<InspectionRecords.Inspection> all = repository.published();
        List<InspectionRecords.Finding> findings = repository.findings(all.stream()
                .map(InspectionRecords.Inspection::id).toList());
        return all.stream().map(i -> {
            InspectionView v = view(i, findings.stream().filter(f -> f.inspectionId() == i.id()).toList(), List.of(),
                    calendar, null);
            return new PublicResult(v.id(), v.number(), v.title(), v.themeName(), v.regionName(), v.resultSummary(),
                    v.publishedAt(), v.findingCount(), v.verifiedCount(), v.findings().stream()
                    .map(f -> new PublicFinding(f.unitName(), f.description(), f.requirement(), f.dueAt(),
                            f.statusName())).toList());
        }).toList();
    }

    // ------------------------------------------------------------------ machinery

    static String actionName(String action) {
        return switch (action) {
            case "create" -> "下达督察任务";
            case "finding" -> "登记问题并提出整改要求";
            case "report" -> "报送整改情况";
            case "verify" -> "核验销号";
            case "send-back" -> "整改不到位，退回继续整改";
            case "publish" -> "公布督察结果";
            default -> action;
        };
    }

    private InspectionView view(long id, Actor actor) {
        InspectionRecords.Inspection i = load(id, actor);
        List<InspectionRecords.Finding> findings = repository.findings(List.of(id)).stream()
                .filter(f -> !actor.inUnit() || f.unitCode().equals(actor.orgCode())).toList();
        List<EventView> events = repository.events(id).stream()
                .filter(e -> !actor.inUnit() || e.findingId() == null
                        || findings.stream().anyMatch(f -> f.id() == e.findingId()))
                .map(e -> new EventView(e.findingId(), e.action(), actionName(e.action()), e.comment(), e.actor(),
                        e.actorName(), e.orgName(), at(e.at())))
                .toList();
        return view(i, findings, events, calendars.current(), actor);
    }

    private InspectionView view(InspectionRecords.Inspection i, List<InspectionRecords.Finding> findings,
            List<EventView> events, WorkCalendar calendar, Actor actor) {
        Instant now = clock.instant();
        List<FindingView> views = findings.stream().map(f -> {
            boolean open = f.status() != FindingStatus.VERIFIED;
            DeadlineStatus status = open ? calendar.status(f.dueAt(), now, zone, YELLOW_WORKING_DAYS) : null;
            Badge deadline = status == null ? null : new Badge("整改时限", at(f.dueAt()), status.state(), status.label(),
                    status.workingDaysLeft(), status.overdueWorkingDays());
            return new FindingView(f.id(), f.inspectionId(), f.unitCode(), directory.organizationName(f.unitCode()),
                    f.description(), f.requirement(), f.workingDays(), at(f.dueAt()), deadline,
                    open && now.isAfter(f.dueAt()), f.status(), f.status().label(), f.measures(), at(f.reportedAt()),
                    at(f.verifiedAt()), f.verification());
        }).toList();
        List<String> allowed = new ArrayList<>();
        if (actor != null && actor.inOffice() && actor.hasAny(INSPECTORS) && i.status() == InspectionStatus.UNDERWAY) {
            allowed.add("add-finding");
            allowed.add("publish");
        }
        return new InspectionView(i.id(), i.number(), i.officeRegionCode(), i.regionCode(),
                directory.regionName(i.regionCode()), i.theme(), i.theme().label(), i.title(), i.content(),
                i.unitCodes(), i.unitCodes().stream().map(directory::organizationName).toList(), i.plannedStart(),
                i.plannedEnd(), i.status(), i.status().label(), i.resultSummary(), at(i.publishedAt()), views.size(),
                (int) views.stream().filter(f -> f.status() == FindingStatus.VERIFIED).count(),
                (int) views.stream().filter(FindingView::overdue).count(), views, events, allowed);
    }

    private List<InspectionRecords.Inspection> visibleInspections(Actor actor) {
        if (actor.inOffice()) {
            return repository.byOffices(directory.regions().stream()
                    .filter(r -> directory.isWithin(r.code(), actor.regionCode())).map(Region::code).toList());
        }
        if (actor.inUnit()) {
            return repository.withFindingsFor(actor.orgCode());
        }
        return List.of();
    }

    private InspectionRecords.Inspection load(long id, Actor actor) {
        return repository.find(id).filter(i -> visible(i, actor))
                .orElseThrow(() -> ApiProblem.notFound("没有编号为 " + id + " 的督察任务，或您无权查看"));
    }

    private boolean visible(InspectionRecords.Inspection i, Actor actor) {
        if (actor.inOffice()) {
            return directory.isWithin(i.officeRegionCode(), actor.regionCode());
        }
        return actor.inUnit() && repository.findings(List.of(i.id())).stream()
                .anyMatch(f -> f.unitCode().equals(actor.orgCode()));
    }

    private static void requireInspector(Actor actor) {
        if (!actor.inOffice() || !actor.hasAny(INSPECTORS)) {
            throw ApiProblem.forbidden("只有营商办督办员或领导可以组织督察");
        }
    }

    private ApiProblem noFinding() {
        return ApiProblem.notFound("没有这条督察问题，或您无权查看");
    }

    private OffsetDateTime at(Instant t) {
        return t == null ? null : t.atZone(zone).toOffsetDateTime();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
