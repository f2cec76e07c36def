package cn.yousu.monitoring;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseKind;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.CaseViews;
import cn.yousu.casework.Channel;
import cn.yousu.casework.ComplainantType;
import cn.yousu.casework.PublicCaseView;
import cn.yousu.identity.Actor;
import cn.yousu.identity.Role;
import cn.yousu.identity.UserAccount;
import cn.yousu.identity.UserAccounts;
import cn.yousu.intake.IntakeService;
import cn.yousu.intake.Phones;
import cn.yousu.intake.RegistrationRequest;
import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.OrganizationKind;
import cn.yousu.organization.Region;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.FieldProblem;
import cn.yousu.shared.NumberSequences;
import cn.yousu.shared.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring registry's application service and transaction boundary (DESIGN §9, seed 004). Office staff
 * run the registry for their region and the regions below; members (accounts with role MONITOR) report.
 */
@Service
public class MonitoringService {

    /** 年龄不超过60周岁. */
    static final int MAX_AGE = 60;
    /** 聘期为2年. */
    static final int TERM_YEARS = 2;
    /** 半年内没有反映营商环境问题或提出意见建议. */
    static final int SILENT_MONTHS = 6;
    /** 二次以上不参加县优化办组织集体活动. */
    static final int MAX_ABSENCES = 2;
    /** 每季度至少反映1条以上的问题信息. */
    static final int PROBLEMS_PER_QUARTER = 1;
    /** 每年至少提供2条以上有价值的工作建议. */
    static final int SUGGESTIONS_PER_YEAR = 2;

    private static final Set<Role> APPROVERS = EnumSet.of(Role.SUPERVISOR, Role.LEADER);
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    static final String SOCIETY_SUFFIX = "-JDY";

    private final MonitoringRepository repository;
    private final IntakeService intake;
    private final CaseService cases;
    private final CaseViews views;
    private final OrganizationDirectory directory;
    private final UserAccounts accounts;
    private final NumberSequences sequences;
    private final Clock clock;
    private final ZoneId zone;

    MonitoringService(MonitoringRepository repository, IntakeService intake, CaseService cases, CaseViews views,
            OrganizationDirectory directory, UserAccounts accounts, NumberSequences sequences, Clock clock,
            ZoneId applicationZone) {
        this.repository = repository;
        this.intake = intake;
        this.cases = cases;
        this.views = views;
        this.directory = directory;
        this.accounts = accounts;
        this.sequences = sequences;
        this.clock = clock;
        this.zone = applicationZone;
    }

    /** A member with the record of every step and what the office should look at now. */
    public record MemberView(Member member, MemberStatus status, String statusName, Integer age, List<Step> steps,
            List<String> exitFlags, int reports) {
    }

    public LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    // ------------------------------------------------------------------ eligibility and selection

    /**
     * The eligibility rules of seed 004 (三(二)1 and the exclusions after 三(二)2): age at most 60, no disciplinary
     * or criminal record, not on the dishonest-persons list. Each failed rule is one problem at its field.
     */
    public static List<FieldProblem> eligibility(MemberKind kind, LocalDate birthDate, boolean disciplinary,
            boolean criminal, boolean dishonest, LocalDate today) {
        List<FieldProblem> failed = new ArrayList<>();
        if (kind == MemberKind.SUPERVISOR && birthDate != null) {
            int age = Period.between(birthDate, today).getYears();
            if (age > MAX_AGE) {
                failed.add(new FieldProblem("birthDate", "年龄 " + age + " 周岁，超过 " + MAX_AGE
                        + " 周岁（监督员年龄不超过60周岁）"));
            }
        }
        if (disciplinary) {
            failed.add(new FieldProblem("disciplinaryRecord", kind == MemberKind.SUPERVISOR
                    ? "受到党纪、政务处分的人员不得选聘为监督员" : "有违规违纪记录的单位不得设为监测点"));
        }
        if (criminal) {
            failed.add(new FieldProblem("criminalRecord", kind == MemberKind.SUPERVISOR
                    ? "受到刑事处罚的人员不得选聘为监督员" : "有违法记录的单位不得设为监测点（应依法经营、照章纳税）"));
        }
        if (dishonest) {
            failed.add(new FieldProblem("dishonest", kind == MemberKind.SUPERVISOR
                    ? "纳入失信人黑名单的人员不得选聘为监督员" : "纳入失信名单的单位不得设为监测点"));
        }
        return failed;
    }

    @Transactional
    public MemberView nominate(MonitoringCommands.Nominate in, Actor actor) {
        requireOffice(actor);
        if (in == null) {
            throw ApiProblem.invalid("body", "请求体不能为空");
        }
        Validation v = Validation.start();
        v.required(in.kind(), "kind", "类型（监测点或监督员）");
        String region = blank(in.regionCode()) ? actor.regionCode() : in.regionCode().trim();
        v.check(directory.region(region).isEmpty(), "regionCode", "区域不存在");
        v.check(directory.region(region).isPresent() && !directory.isWithin(region, actor.regionCode()), "regionCode",
                "只能登记本区域或下级区域的监测点、监督员");
        v.required(in.name(), "name", in.kind() == MemberKind.POINT ? "监测点名称" : "姓名");
        v.maxLength(in.name(), 200, "name", "名称");
        v.required(in.category(), "category", "类别");
        v.check(in.category() != null && in.kind() != null && in.category().kind() != in.kind(), "category",
                "「" + (in.category() == null ? "" : in.category().label()) + "」不是" + (in.kind() == null ? ""
                        : in.kind().label()) + "的类别");
        v.maxLength(in.workUnit(), 200, "workUnit", "工作单位");
        v.check(in.kind() == MemberKind.SUPERVISOR && in.birthDate() == null, "birthDate", "出生日期不能为空");
        v.check(in.birthDate() != null && in.birthDate().isAfter(today()), "birthDate", "出生日期不能晚于今天");
        v.required(in.phone(), "phone", "联系电话");
        v.check(!blank(in.phone()) && !Phones.valid(in.phone()), "phone", Phones.problem(in.phone()));
        v.check(in.kind() == MemberKind.POINT && blank(in.contactPerson()), "contactPerson",
                "监测点应明确专人担任联络员");
        v.maxLength(in.contactPerson(), 50, "contactPerson", "联络员");
        v.required(in.nomination(), "nomination", "推荐方式");
        v.check(in.nomination() == Nomination.RECOMMENDED && blank(in.recommendedBy()), "recommendedBy",
                "组织推荐应写明推荐单位");
        v.maxLength(in.recommendedBy(), 200, "recommendedBy", "推荐单位");
        v.required(in.disciplinaryRecord(), "disciplinaryRecord", "是否受到党纪、政务处分");
        v.required(in.criminalRecord(), "criminalRecord", "是否受到刑事处罚或有违法记录");
        v.required(in.dishonest(), "dishonest", "是否纳入失信人黑名单");
        v.throwIfInvalid();
        List<FieldProblem> failed = eligibility(in.kind(), in.birthDate(), in.disciplinaryRecord(),
                in.criminalRecord(), in.dishonest(), today());
        if (!failed.isEmpty()) {
            throw new Ineligible(failed);
        }
        Instant now = clock.instant();
        Member draft = new Member(0, in.kind(), region, in.name().trim(), in.category(), trim(in.workUnit()),
                in.birthDate(), in.phone().trim(), trim(in.contactPerson()), in.nomination(), trim(in.recommendedBy()),
                false, false, false, MemberStatus.NOMINATED, null, null, null, null, null, null, now, 0);
        long id = repository.insert(draft);
        repository.step(id, "NOMINATE", null, in.nomination() == Nomination.RECOMMENDED ? trim(in.recommendedBy())
                : in.name().trim(), in.nomination().label() + "，符合年龄、无处分、无刑事处罚、非失信人条件", actor.username(),
                actor.displayName(), now);
        return view(load(id, actor));
    }

    /** 初审: by the units the office names (工信局, 工商联, 园区管委会…), recorded by the office. */
    @Transactional
    public MemberView preliminaryReview(long id, MonitoringCommands.Review in, Actor actor) {
        return review(id, in, actor, MemberStatus.NOMINATED, MemberStatus.PRELIMINARY_PASSED, "PRELIMINARY_REVIEW",
                true);
    }

    /** 复审 by the office. */
    @Transactional
    public MemberView officeReview(long id, MonitoringCommands.Review in, Actor actor) {
        return review(id, in, actor, MemberStatus.PRELIMINARY_PASSED, MemberStatus.OFFICE_PASSED, "OFFICE_REVIEW",
                false);
    }

    /**
     * 领导小组审定: the eligibility rules are checked again on the day; approval issues the certificate (supervisor)
     * or plaque (point) number and starts the two-year term.
     */
    @Transactional
    public MemberView approve(long id, MonitoringCommands.Review in, Actor actor) {
        if (!actor.hasAny(APPROVERS)) {
            throw ApiProblem.forbidden("领导小组审定须由督办员或领导登记");
        }
        return review(id, in, actor, MemberStatus.OFFICE_PASSED, MemberStatus.ACTIVE, "APPROVE", false);
    }

    private MemberView review(long id, MonitoringCommands.Review in, Actor actor, MemberStatus expected,
            MemberStatus next, String step, boolean reviewerRequired) {
        Member m = load(id, actor);
        MonitoringCommands.Review r = in == null ? new MonitoringCommands.Review(null, null, null) : in;
        if (m.status(today()) != expected) {
            throw ApiProblem.conflict("当前状态为「" + m.status(today()).label() + "」(" + m.status(today()).name()
                    + ")，不能" + stepName(step));
        }
        Validation v = Validation.start();
        v.required(r.approve(), "approve", "审核结论");
        v.check(reviewerRequired && blank(r.reviewer()), "reviewer", "请写明初审单位");
        v.maxLength(r.reviewer(), 200, "reviewer", "审核单位");
        v.check(Boolean.FALSE.equals(r.approve()) && blank(r.comment()), "comment", "不通过时请写明理由");
        v.maxLength(r.comment(), 1000, "comment", "意见");
        v.throwIfInvalid();
        Instant now = clock.instant();
        Member changed;
        if (!r.approve()) {
            changed = with(m, MemberStatus.NOT_SELECTED, null, null, null, m.username(), r.comment().trim(), now);
        } else if (next == MemberStatus.ACTIVE) {
            List<FieldProblem> failed = eligibility(m.kind(), m.birthDate(), m.disciplinaryRecord(),
                    m.criminalRecord(), m.dishonest(), today());
            if (!failed.isEmpty()) {
                throw new Ineligible(failed);
            }
            LocalDate start = today();
            int year = start.getYear();
            String prefix = directory.region(m.regionCode()).map(Region::numberPrefix).orElse(m.regionCode());
            long seq = sequences.next("MONITOR:" + m.kind().numberPrefix() + ":" + m.regionCode() + ":" + year);
            String number = m.kind().numberPrefix() + "-" + prefix + "-" + year + "-" + String.format("%03d", seq);
            changed = with(m, MemberStatus.ACTIVE, number, start, start.plusYears(TERM_YEARS).minusDays(1), null,
                    null, null);
        } else {
            changed = with(m, next, null, null, null, null, null, null);
        }
        repository.update(changed);
        String comment = trim(r.comment());
        if (changed.numberIssued() != null) {
            comment = (comment == null ? "" : comment + "；") + "颁发" + (m.kind() == MemberKind.SUPERVISOR ? "证书" : "牌匾")
                    + " " + changed.numberIssued() + "，聘期 " + changed.termStart() + " 至 " + changed.termEnd();
        }
        repository.step(id, step, r.approve(), trim(r.reviewer()), comment, actor.username(), actor.displayName(),
                now);
        return view(load(id, actor));
    }

    /** An account for an active member to sign in with (role MONITOR, in the region's monitoring organisation). */
    @Transactional
    public MemberView createAccount(long id, MonitoringCommands.Account in, Actor actor) {
        Member m = load(id, actor);
        if (!m.activeOn(today())) {
            throw ApiProblem.conflict("当前状态为「" + m.status(today()).label() + "」，只有在聘的监测点、监督员可以开通账号");
        }
        if (m.username() != null) {
            throw ApiProblem.conflict("已开通账号 " + m.username());
        }
        MonitoringCommands.Account a = in == null ? new MonitoringCommands.Account(null, null) : in;
        Organization org = societyOf(m.regionCode());
        String phone = m.phone() != null && m.phone().matches("1[3-9]\\d{9}") ? m.phone() : null;
        UserAccount account = accounts.create(new UserAccounts.AccountDraft(a.username(),
                m.kind() == MemberKind.POINT ? m.name() + "（联络员 " + m.contactPerson() + "）" : m.name(),
                org.code(), Set.of(Role.MONITOR), phone, null, a.password(), true));
        repository.update(with(m, m.storedStatus(), m.numberIssued(), m.termStart(), m.termEnd(),
                account.username(), m.endedReason(), m.endedAt()));
        repository.step(id, "ACCOUNT", null, null, "开通登录账号 " + account.username(), actor.username(),
                actor.displayName(), clock.instant());
        return view(load(id, actor));
    }

    /** 动态调整退出, after the office's evaluation (the exit flags say whom to look at). */
    @Transactional
    public MemberView exit(long id, MonitoringCommands.End in, Actor actor) {
        return end(id, in, actor, MemberStatus.EXITED, "EXIT");
    }

    /** 直接取消资格: misconduct removes the member at once. */
    @Transactional
    public MemberView remove(long id, MonitoringCommands.End in, Actor actor) {
        return end(id, in, actor, MemberStatus.REMOVED, "REMOVE");
    }

    private MemberView end(long id, MonitoringCommands.End in, Actor actor, MemberStatus to, String step) {
        Member m = load(id, actor);
        if (!m.activeOn(today())) {
            throw ApiProblem.conflict("当前状态为「" + m.status(today()).label() + "」(" + m.status(today()).name()
                    + ")，不能" + stepName(step));
        }
        String reason = in == null ? null : in.reason();
        Validation.start().required(reason, "reason", "理由").maxLength(reason, 500, "reason", "理由").throwIfInvalid();
        Instant now = clock.instant();
        repository.update(with(m, to, m.numberIssued(), m.termStart(), m.termEnd(), m.username(), reason.trim(), now));
        if (m.username() != null) {
            accounts.find(m.username()).ifPresent(a -> accounts.update(a.username(), new UserAccounts.AccountDraft(
                    a.username(), a.displayName(), a.orgCode(), a.roles(), a.phone(), a.email(), null, false)));
        }
        repository.step(id, step, null, null, reason.trim() + (m.username() == null ? "" : "；登录账号已停用"),
                actor.username(), actor.displayName(), now);
        return view(load(id, actor));
    }

    // ------------------------------------------------------------------ reading the registry

    @Transactional(readOnly = true)
    public MemberView member(long id, Actor actor) {
        return view(load(id, actor));
    }

    @Transactional(readOnly = true)
    public List<MemberView> members(Actor actor, MemberKind kind, MemberStatus status) {
        requireOffice(actor);
        LocalDate today = today();
        List<Member> all = repository.inRegions(regionsWithin(actor)).stream()
                .filter(m -> kind == null || m.kind() == kind)
                .filter(m -> status == null || m.status(today) == status).toList();
        Map<Long, List<String>> flags = flags(all);
        Map<Long, Integer> counts = repository.reportCounts(all.stream().map(Member::id).toList());
        return all.stream().map(m -> new MemberView(m, m.status(today), m.status(today).label(), age(m, today),
                List.of(), flags.getOrDefault(m.id(), List.of()), counts.getOrDefault(m.id(), 0))).toList();
    }

    /** A member flagged by the dynamic-exit rules, with every reason. */
    public record ExitFlag(long memberId, String name, MemberKind kind, String kindName, String numberIssued,
            List<String> reasons) {
    }

    /** Active members the dynamic-exit rules flag for the office: silent for half a year, absent twice or more. */
    @Transactional(readOnly = true)
    public List<ExitFlag> exitFlags(Actor actor) {
        requireOffice(actor);
        List<Member> active = repository.inRegions(regionsWithin(actor)).stream().filter(m -> m.activeOn(today()))
                .toList();
        Map<Long, List<String>> flags = flags(active);
        return active.stream().filter(m -> flags.containsKey(m.id()))
                .map(m -> new ExitFlag(m.id(), m.name(), m.kind(), m.kind().label(), m.numberIssued(),
                        flags.get(m.id())))
                .toList();
    }

    private Map<Long, List<String>> flags(List<Member> members) {
        LocalDate today = today();
        List<Member> active = members.stream().filter(m -> m.activeOn(today)).toList();
        List<Long> ids = active.stream().map(Member::id).toList();
        Map<Long, Instant> last = repository.lastReports(ids);
        Instant earliest = active.stream().map(m -> startOf(m.termStart())).min(Comparator.naturalOrder())
                .orElse(clock.instant());
        Map<Long, Integer> absences = repository.absences(ids, earliest);
        Map<Long, List<String>> flags = new LinkedHashMap<>();
        for (Member m : active) {
            List<String> reasons = new ArrayList<>();
            Instant lastReport = last.get(m.id());
            LocalDate since = lastReport == null ? m.termStart() : lastReport.atZone(zone).toLocalDate();
            if (!since.plusMonths(SILENT_MONTHS).isAfter(today)) {
                reasons.add("半年内没有反映营商环境问题或提出意见建议（"
                        + (lastReport == null ? "受聘以来未报送，受聘日 " + m.termStart() : "最近一次报送 " + since) + "）");
            }
            int absent = absences.getOrDefault(m.id(), 0);
            if (absent >= MAX_ABSENCES) {
                reasons.add("二次以上不参加营商办组织的集体活动（本聘期缺席 " + absent + " 次）");
            }
            if (!reasons.isEmpty()) {
                flags.put(m.id(), reasons);
            }
        }
        return flags;
    }

    // ------------------------------------------------------------------ quotas

    /** One member's count against the quotas of a quarter and its year. */
    public record QuotaRow(long memberId, String name, MemberKind kind, String kindName, String numberIssued,
            int problemsInQuarter, int suggestionsInYear, boolean problemsBehind, boolean suggestionsBehind) {

        public boolean behind() {
            return problemsBehind || suggestionsBehind;
        }
    }

    /** The quota page: every member serving in the quarter, those behind first. */
    public record QuotaPage(String quarter, LocalDate from, LocalDate to, int year, boolean periodOver,
            int problemsRequired, int suggestionsRequired, List<QuotaRow> rows) {

        public long behindCount() {
            return rows.stream().filter(QuotaRow::behind).count();
        }
    }

    /**
     * Counts each serving member's problems in the quarter and suggestions in its year (quarters and years begin at
     * midnight in the region's zone). {@code quarter} is {@code 2026-Q2}; blank means the current one.
     */
    @Transactional(readOnly = true)
    public QuotaPage quotas(Actor actor, String quarter) {
        requireOffice(actor);
        LocalDate today = today();
        int year;
        int q;
        if (blank(quarter)) {
            year = today.getYear();
            q = (today.getMonthValue() - 1) / 3 + 1;
        } else {
            Matcher match = QUARTER.matcher(quarter.trim());
            if (!match.matches()) {
                throw ApiProblem.invalid("quarter", "季度格式应为 2026-Q2");
            }
            year = Integer.parseInt(match.group(1));
            q = Integer.parseInt(match.group(2));
        }
        LocalDate from = LocalDate.of(year, (q - 1) * 3 + 1, 1);
        LocalDate to = from.plusMonths(3);
        List<Member> serving = repository.inRegions(regionsWithin(actor)).stream()
                .filter(m -> m.termStart() != null && m.termStart().isBefore(to) && !m.termEnd().isBefore(from))
                .filter(m -> m.endedAt() == null || !m.endedAt().isBefore(startOf(from)))
                .toList();
        List<Long> ids = serving.stream().map(Member::id).toList();
        List<Report> inYear = repository.reportsBetween(ids, startOf(LocalDate.of(year, 1, 1)),
                startOf(LocalDate.of(year + 1, 1, 1)));
        Instant qFrom = startOf(from);
        Instant qTo = startOf(to);
        // per member: [problems in the quarter, suggestions in the year], in one pass over the year's reports
        Map<Long, int[]> counts = new java.util.HashMap<>();
        for (Report r : inYear) {
            int[] c = counts.computeIfAbsent(r.memberId(), id -> new int[2]);
            if (r.kind() == Report.ReportKind.SUGGESTION) {
                c[1]++;
            } else if (!r.submittedAt().isBefore(qFrom) && r.submittedAt().isBefore(qTo)) {
                c[0]++;
            }
        }
        List<QuotaRow> rows = new ArrayList<>();
        for (Member m : serving) {
            int[] c = counts.getOrDefault(m.id(), new int[2]);
            int problems = c[0];
            int suggestions = c[1];
            rows.add(new QuotaRow(m.id(), m.name(), m.kind(), m.kind().label(), m.numberIssued(), problems,
                    suggestions, problems < PROBLEMS_PER_QUARTER, suggestions < SUGGESTIONS_PER_YEAR));
        }
        rows.sort(Comparator.comparing((QuotaRow r) -> !r.behind()).thenComparing(QuotaRow::name));
        return new QuotaPage(year + "-Q" + q, from, to.minusDays(1), year, !today.isBefore(to), PROBLEMS_PER_QUARTER,
                SUGGESTIONS_PER_YEAR, rows);
    }

    // ------------------------------------------------------------------ the members' own reports

    /** The member behind the signed-in MONITOR account. */
    @Transactional(readOnly = true)
    public MemberView me(Actor actor) {
        return view(self(actor));
    }

    /** A report as its author sees it: the case's public status, timeline and result (the feedback). */
    public record MyReport(long id, Report.ReportKind kind, String kindName, String title, Instant submittedAt,
            String caseNumber, PublicCaseView feedback, String taskListNumber, String taskListCaseNumber) {
    }

    /** Submits a problem or suggestion; it is registered as a case with the member's channel. */
    @Transactional
    public MyReport submit(MonitoringCommands.Submit in, Actor actor) {
        Member m = self(actor);
        if (!m.activeOn(today())) {
            throw ApiProblem.conflict("当前状态为「" + m.status(today()).label() + "」(" + m.status(today()).name()
                    + ")，不能报送" + (m.termEnd() == null ? "" : "（聘期 " + m.termStart() + " 至 " + m.termEnd() + "）"));
        }
        MonitoringCommands.Submit s = in == null ? new MonitoringCommands.Submit(null, null, null, null, null, null)
                : in;
        Validation v = Validation.start();
        v.required(s.kind(), "kind", "报送类型（问题或建议）");
        v.required(s.title(), "title", "标题");
        v.maxLength(s.title(), 100, "title", "标题");
        v.required(s.content(), "content", "内容");
        v.maxLength(s.content(), 5000, "content", "内容");
        v.maxLength(s.request(), 2000, "request", "诉求");
        v.throwIfInvalid();
        boolean problem = s.kind() == Report.ReportKind.PROBLEM;
        RegistrationRequest request = new RegistrationRequest(problem ? CaseKind.COMPLAINT : CaseKind.SUGGESTION,
                m.kind().channel(), m.numberIssued(), m.regionCode(), null, s.title().trim(), s.content().trim(),
                blank(s.request()) ? (problem ? "请核查处理并反馈" : "请研究采纳并反馈") : s.request().trim(),
                complainant(m), null,
                blank(s.respondentUnitCode()) && blank(s.respondentName()) ? null
                        : new RegistrationRequest.RespondentInput(trim(s.respondentUnitCode()),
                                trim(s.respondentName()), null),
                List.of());
        CaseService.Registered registered = intake.registerForMonitor(request, actor);
        long id = repository.insertReport(m.id(), s.kind(), s.title().trim(), registered.registered().number(),
                clock.instant());
        return myReport(repository.report(id).orElseThrow(), Map.of());
    }

    private static RegistrationRequest.ComplainantInput complainant(Member m) {
        if (m.kind() == MemberKind.SUPERVISOR) {
            return new RegistrationRequest.ComplainantInput(ComplainantType.PERSON, m.name(), m.workUnit(), null,
                    null, m.phone(), null, null, false);
        }
        ComplainantType type = switch (m.category()) {
            case PARK_ENTERPRISE -> ComplainantType.ENTERPRISE;
            case INDIVIDUAL_BUSINESS -> ComplainantType.INDIVIDUAL_BUSINESS;
            default -> ComplainantType.ORGANIZATION;
        };
        return new RegistrationRequest.ComplainantInput(type, m.contactPerson(), m.name(), null, m.contactPerson(),
                m.phone(), null, null, false);
    }

    @Transactional(readOnly = true)
    public List<MyReport> myReports(Actor actor) {
        Member m = self(actor);
        Map<Long, TaskList> lists = new LinkedHashMap<>();
        repository.taskLists(List.of(m.regionCode())).forEach(t -> lists.put(t.id(), t));
        return repository.reportsOf(m.id()).stream().map(r -> myReport(r, lists)).toList();
    }

    private MyReport myReport(Report r, Map<Long, TaskList> lists) {
        Case c = cases.get(r.caseNumber(), Actor.system());
        PublicCaseView feedback = views.publicView(c, cases.rules(), cases.timeline(c));
        TaskList list = r.taskListId() == null ? null : lists.get(r.taskListId());
        return new MyReport(r.id(), r.kind(), r.kind().label(), r.title(), r.submittedAt(), r.caseNumber(), feedback,
                list == null ? null : list.listNumber(), list == null ? null : list.caseNumber());
    }

    // ------------------------------------------------------------------ task lists (交办单)

    public record TaskList(long id, String regionCode, String listNumber, String title, String caseNumber,
            String createdBy, Instant createdAt, int items) {
    }

    /** A suggestion not yet on a task list, for the office to gather. */
    public record OpenSuggestion(long reportId, String memberName, String title, String caseNumber,
            Instant submittedAt) {
    }

    @Transactional(readOnly = true)
    public List<OpenSuggestion> openSuggestions(Actor actor) {
        requireOffice(actor);
        Map<Long, String> names = new LinkedHashMap<>();
        List<Member> members = repository.inRegions(regionsWithin(actor));
        members.forEach(m -> names.put(m.id(), m.name()));
        return repository.openSuggestions(regionsWithin(actor)).stream()
                .map(r -> new OpenSuggestion(r.id(), names.get(r.memberId()), r.title(), r.caseNumber(),
                        r.submittedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<TaskList> taskLists(Actor actor) {
        requireOffice(actor);
        return repository.taskLists(regionsWithin(actor));
    }

    /**
     * Gathers concentrated suggestions into a task list (交办单): registered as one case of the office's region and
     * dispatched like any case; each gathered suggestion is answered with the task list's number.
     */
    @Transactional
    public TaskList createTaskList(MonitoringCommands.TaskListDraft in, Actor actor) {
        requireOffice(actor);
        MonitoringCommands.TaskListDraft d = in == null ? new MonitoringCommands.TaskListDraft(null, null, null) : in;
        Validation v = Validation.start();
        v.required(d.title(), "title", "交办单标题");
        v.maxLength(d.title(), 60, "title", "交办单标题");
        v.maxLength(d.requirements(), 2000, "requirements", "办理要求");
        v.check(d.reportIds() == null || d.reportIds().isEmpty(), "reportIds", "请选择要汇总的建议");
        List<Report> reports = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Set<String> regions = new HashSet<>(List.of(actor.regionCode()));
        boolean allPoints = true;
        for (int i = 0; d.reportIds() != null && i < d.reportIds().size(); i++) {
            String field = "reportIds[" + i + "]";
            Long reportId = d.reportIds().get(i);
            Report r = reportId == null ? null : repository.report(reportId).orElse(null);
            Member author = r == null ? null : repository.find(r.memberId()).orElse(null);
            if (r == null || author == null || !regions.contains(author.regionCode())) {
                v.add(field, "没有这条建议，或不是本区域监测点、监督员的建议");
                continue;
            }
            v.check(!seen.add(reportId), field, "重复选择");
            v.check(r.kind() != Report.ReportKind.SUGGESTION, field, "「" + r.title() + "」是问题信息，不是建议");
            v.check(r.taskListId() != null, field, "「" + r.title() + "」已列入交办单");
            allPoints &= author.kind() == MemberKind.POINT;
            reports.add(r);
        }
        v.throwIfInvalid();
        int year = today().getYear();
        String listNumber = "交办单〔" + year + "〕" + sequences.next("MONITOR-TASK:" + actor.regionCode() + ":" + year)
                + "号";
        StringBuilder facts = new StringBuilder("营商环境监测点、监督员提出的意见建议，由营商办整理成任务清单交办：\n");
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            facts.append(i + 1).append(". ").append(r.title()).append("（案件 ").append(r.caseNumber()).append("）\n");
        }
        RegistrationRequest request = new RegistrationRequest(CaseKind.SUGGESTION,
                allPoints ? Channel.MONITORING_POINT : Channel.SUPERVISOR, listNumber, actor.regionCode(), null,
                (listNumber + " " + d.title().trim()), facts.toString().trim(),
                blank(d.requirements()) ? "请研究办理，限期办结并反馈" : d.requirements().trim(),
                new RegistrationRequest.ComplainantInput(ComplainantType.ORGANIZATION, "营商环境监测点、监督员", null, null,
                        null, null, null, null, true),
                null, null, List.of());
        CaseService.Registered registered = intake.registerByStaff(request, actor);
        String caseNumber = registered.registered().number();
        long listId = repository.insertTaskList(actor.regionCode(), listNumber, d.title().trim(), caseNumber,
                actor.username(), clock.instant());
        for (Report r : reports) {
            repository.putOnTaskList(r.id(), listId);
            cases.annotate(r.caseNumber(), actor, "task-list", "纳入" + listNumber + "（案件 " + caseNumber + "）",
                    Map.of("taskList", listNumber, "caseNumber", caseNumber), "您的建议已与其他建议一并整理为" + listNumber
                            + "，交由有关单位限期办理，办理情况将另行反馈");
        }
        return repository.taskLists(List.of(actor.regionCode())).stream().filter(t -> t.id() == listId).findFirst()
                .orElseThrow();
    }

    // ------------------------------------------------------------------ joint meetings (联席会议)

    public record Invitation(long memberId, String name, MemberKind kind, String attendance) {
    }

    public record Meeting(long id, String regionCode, String title, String theme, Instant heldAt, String location,
            List<String> units, boolean attendanceRecorded, List<Invitation> invitations) {
    }

    @Transactional
    public Meeting createMeeting(MonitoringCommands.MeetingDraft in, Actor actor) {
        requireOffice(actor);
        MonitoringCommands.MeetingDraft d = in == null
                ? new MonitoringCommands.MeetingDraft(null, null, null, null, null, null) : in;
        Validation v = Validation.start();
        v.required(d.title(), "title", "会议名称");
        v.maxLength(d.title(), 200, "title", "会议名称");
        v.maxLength(d.theme(), 1000, "theme", "会议主题");
        v.required(d.heldAt(), "heldAt", "召开时间");
        v.maxLength(d.location(), 200, "location", "地点");
        v.check(d.memberIds() == null || d.memberIds().isEmpty(), "memberIds", "请邀请至少一名监测点、监督员");
        Set<String> regions = new HashSet<>(regionsWithin(actor));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; d.memberIds() != null && i < d.memberIds().size(); i++) {
            Long id = d.memberIds().get(i);
            Member m = id == null ? null : repository.find(id).filter(x -> regions.contains(x.regionCode())).orElse(null);
            v.check(m == null, "memberIds[" + i + "]", "没有这名监测点、监督员");
            v.check(m != null && !m.activeOn(today()), "memberIds[" + i + "]",
                    m == null ? "" : "「" + m.name() + "」当前状态为「" + m.status(today()).label() + "」，不能邀请");
            v.check(id != null && !seen.add(id), "memberIds[" + i + "]", "重复邀请");
        }
        List<String> units = d.units() == null ? List.of()
                : d.units().stream().filter(u -> !blank(u)).map(String::trim).toList();
        for (int i = 0; i < units.size(); i++) {
            v.maxLength(units.get(i), 100, "units[" + i + "]", "列席单位");
        }
        v.throwIfInvalid();
        long id = repository.insertMeeting(actor.regionCode(), d.title().trim(), trim(d.theme()),
                d.heldAt().toInstant(), trim(d.location()), String.join("\n", units), actor.username(),
                clock.instant());
        d.memberIds().forEach(memberId -> repository.invite(id, memberId));
        return meeting(id, actor);
    }

    @Transactional(readOnly = true)
    public Meeting meeting(long id, Actor actor) {
        requireOffice(actor);
        Meeting m = repository.meeting(id).filter(x -> regionsWithin(actor).contains(x.regionCode()))
                .orElseThrow(() -> ApiProblem.notFound("没有这次联席会议，或您无权查看"));
        m.invitations().addAll(repository.invitations(id));
        return m;
    }

    @Transactional(readOnly = true)
    public List<Meeting> meetings(Actor actor) {
        requireOffice(actor);
        List<Meeting> all = repository.meetings(regionsWithin(actor));
        all.forEach(m -> m.invitations().addAll(repository.invitations(m.id())));
        return all;
    }

    /** Records who attended; absences count toward dynamic exit. Only once the meeting has begun. */
    @Transactional
    public Meeting recordAttendance(long id, MonitoringCommands.Attendance in, Actor actor) {
        Meeting meeting = meeting(id, actor);
        if (meeting.heldAt().isAfter(clock.instant())) {
            throw ApiProblem.conflict("会议定于 " + meeting.heldAt().atZone(zone).toOffsetDateTime()
                    + " 召开，尚未开始，不能登记出席情况");
        }
        Validation v = Validation.start();
        List<MonitoringCommands.Attendance.Entry> entries = in == null || in.entries() == null ? List.of()
                : in.entries();
        v.check(entries.isEmpty(), "entries", "请登记出席情况");
        Set<Long> invited = new HashSet<>();
        meeting.invitations().forEach(i -> invited.add(i.memberId()));
        for (int i = 0; i < entries.size(); i++) {
            MonitoringCommands.Attendance.Entry e = entries.get(i);
            v.check(e == null || e.memberId() == null || !invited.contains(e.memberId()), "entries[" + i + "].memberId",
                    "此人未受邀参加本次会议");
            v.check(e != null && e.present() == null, "entries[" + i + "].present", "请选择出席或缺席");
        }
        v.throwIfInvalid();
        entries.forEach(e -> repository.attendance(id, e.memberId(), e.present()));
        return meeting(id, actor);
    }

    // ------------------------------------------------------------------ machinery

    static String stepName(String step) {
        return switch (step) {
            case "NOMINATE" -> "推荐/自荐";
            case "PRELIMINARY_REVIEW" -> "初审";
            case "OFFICE_REVIEW" -> "营商办复审";
            case "APPROVE" -> "领导小组审定";
            case "ACCOUNT" -> "开通账号";
            case "EXIT" -> "动态调整退出";
            case "REMOVE" -> "取消资格";
            default -> step;
        };
    }

    private MemberView view(Member m) {
        LocalDate today = today();
        return new MemberView(m, m.status(today), m.status(today).label(), age(m, today), repository.steps(m.id()),
                flags(List.of(m)).getOrDefault(m.id(), List.of()), repository.reportsOf(m.id()).size());
    }

    private static Integer age(Member m, LocalDate today) {
        return m.birthDate() == null ? null : Period.between(m.birthDate(), today).getYears();
    }

    private Member load(long id, Actor actor) {
        requireOffice(actor);
        return repository.find(id).filter(m -> directory.isWithin(m.regionCode(), actor.regionCode()))
                .orElseThrow(() -> ApiProblem.notFound("没有编号为 " + id + " 的监测点、监督员，或您无权查看"));
    }

    private Member self(Actor actor) {
        if (!actor.has(Role.MONITOR)) {
            throw ApiProblem.forbidden("只有监测点、监督员账号可以报送");
        }
        return repository.findByUsername(actor.username())
                .orElseThrow(() -> ApiProblem.forbidden("您的账号没有登记为监测点或监督员"));
    }

    private static void requireOffice(Actor actor) {
        if (!actor.inOffice()) {
            throw ApiProblem.forbidden("只有营商办工作人员可以管理监测点、监督员");
        }
    }

    private List<String> regionsWithin(Actor actor) {
        return directory.regions().stream().filter(r -> directory.isWithin(r.code(), actor.regionCode()))
                .map(Region::code).toList();
    }

    /** The organisation of a region's monitoring points and supervisors, created when the first account is. */
    private Organization societyOf(String regionCode) {
        String code = regionCode + SOCIETY_SUFFIX;
        return directory.organization(code).orElseGet(() -> directory.saveOrganization(new Organization(code,
                directory.regionName(regionCode) + "营商环境监测点、监督员", OrganizationKind.SOCIETY, regionCode, null,
                null, null, null, "营商环境监测、社会监督", true)));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Member with(Member m, MemberStatus status, String number, LocalDate start, LocalDate end,
            String username, String endedReason, Instant endedAt) {
        return new Member(m.id(), m.kind(), m.regionCode(), m.name(), m.category(), m.workUnit(), m.birthDate(),
                m.phone(), m.contactPerson(), m.nomination(), m.recommendedBy(), m.disciplinaryRecord(),
                m.criminalRecord(), m.dishonest(), status, number == null ? m.numberIssued() : number,
                start == null ? m.termStart() : start, end == null ? m.termEnd() : end,
                username == null ? m.username() : username, endedReason, endedAt, m.nominatedAt(), m.version());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
