package cn.yousu.intake;

import cn.yousu.casework.Agent;
import cn.yousu.casework.CaseService;
import cn.yousu.casework.Channel;
import cn.yousu.casework.Complainant;
import cn.yousu.casework.ComplainantType;
import cn.yousu.casework.NewCase;
import cn.yousu.casework.Respondent;
import cn.yousu.casework.Suggestions;
import cn.yousu.identity.Actor;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.policy.Categories;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.Validation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Checks a registration field by field (every bad field named in one answer), screens it, and hands it to
 * casework. Staff register for any channel; the public portal only as PORTAL or QR_CODE.
 */
@Service
public class IntakeService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_ATTACHMENTS = 20;

    private final CaseService cases;
    private final Screening screening;
    private final OrganizationDirectory directory;

    public IntakeService(CaseService cases, Screening screening, OrganizationDirectory directory) {
        this.cases = cases;
        this.screening = screening;
        this.directory = directory;
    }

    /** Registration by office staff (calls, letters, windows, visits, 12345 tickets…). */
    public CaseService.Registered registerByStaff(RegistrationRequest request, Actor actor) {
        if (request == null) {
            throw ApiProblem.invalid("body", "请求体不能为空");
        }
        String region = blank(request.regionCode()) ? actor.regionCode() : request.regionCode();
        return cases.register(check(request, region, request.channel(), false), actor);
    }

    /**
     * A report of a monitoring point or citizen supervisor (DESIGN §9), registered in their name with channel
     * MONITORING_POINT or SUPERVISOR.
     */
    public CaseService.Registered registerForMonitor(RegistrationRequest request, Actor actor) {
        if (request == null) {
            throw ApiProblem.invalid("body", "请求体不能为空");
        }
        if (request.channel() != Channel.MONITORING_POINT && request.channel() != Channel.SUPERVISOR) {
            throw ApiProblem.invalid("channel", "监测点、监督员报送的渠道只能是 MONITORING_POINT 或 SUPERVISOR");
        }
        return cases.register(check(request, request.regionCode(), request.channel(), false), actor);
    }

    /** Submission on the public portal or the QR-code page. */
    public CaseService.Registered submitPublicly(RegistrationRequest request) {
        if (request == null) {
            throw ApiProblem.invalid("body", "请求体不能为空");
        }
        Channel channel = request.channel() == Channel.QR_CODE ? Channel.QR_CODE : Channel.PORTAL;
        NewCase checked = check(request, request.regionCode(), channel, true);
        return cases.register(checked, Actor.complainant(checked.complainant().anonymous() ? null
                : checked.complainant().displayName()));
    }

    /**
     * What is wrong with a public submission, field by field, without registering or screening anything: the
     * portal checks each step of its form with the same rules as the final submission.
     */
    public List<cn.yousu.shared.FieldProblem> publicProblems(RegistrationRequest request) {
        if (request == null) {
            return List.of(new cn.yousu.shared.FieldProblem("body", "请求体不能为空"));
        }
        Channel channel = request.channel() == Channel.QR_CODE ? Channel.QR_CODE : Channel.PORTAL;
        try {
            check(request, request.regionCode(), channel, true, false);
            return List.of();
        } catch (ApiProblem problem) {
            return problem.errors();
        }
    }

    NewCase check(RegistrationRequest r, String regionCode, Channel channel, boolean publicly) {
        return check(r, regionCode, channel, publicly, true);
    }

    private NewCase check(RegistrationRequest r, String regionCode, Channel channel, boolean publicly,
            boolean screen) {
        Validation v = Validation.start();
        v.required(r.kind(), "kind", "诉求类型");
        v.required(channel, "channel", "来源渠道");
        v.check(publicly && r.channel() != null && r.channel() != Channel.PORTAL && r.channel() != Channel.QR_CODE,
                "channel", "网上提交的渠道只能是 PORTAL 或 QR_CODE");
        v.maxLength(r.externalRef(), 100, "externalRef", "外部编号");
        v.required(regionCode, "regionCode", "所属区域");
        v.check(!blank(regionCode) && directory.region(regionCode).isEmpty(), "regionCode", "区域不存在");
        v.check(!blank(r.categoryCode()) && !Categories.exists(r.categoryCode()), "categoryCode", "诉求分类不存在");
        v.required(r.title(), "title", "标题");
        v.maxLength(r.title(), 100, "title", "标题");
        v.required(r.facts(), "facts", "事实和理由");
        v.maxLength(r.facts(), 5000, "facts", "事实和理由");
        v.check(publicly && blank(r.request()), "request", "诉求内容不能为空");
        v.maxLength(r.request(), 2000, "request", "诉求内容");
        Complainant complainant = complainant(r.complainant(), publicly, v);
        Agent agent = agent(r.agent(), v);
        Respondent respondent = respondent(r.respondent(), publicly, v);
        List<String> attachments = r.attachmentIds() == null ? List.of() : r.attachmentIds();
        v.check(attachments.size() > MAX_ATTACHMENTS, "attachmentIds", "附件最多 " + MAX_ATTACHMENTS + " 个");
        for (int i = 0; i < attachments.size(); i++) {
            v.check(blank(attachments.get(i)), "attachmentIds[" + i + "]", "附件编号不能为空");
        }
        v.check(attachments.stream().distinct().count() != attachments.size(), "attachmentIds", "附件有重复");
        v.throwIfInvalid();
        if (!screen) {
            return null;
        }
        Suggestions suggestions = screening.screen(new Screening.Input(regionCode, r.title(), r.facts(), r.request(),
                complainant, respondent, attachments.size(), agent != null));
        return new NewCase(r.kind(), channel, trim(r.externalRef()), regionCode, trim(r.categoryCode()),
                r.title().trim(), r.facts().trim(), blank(r.request()) ? "" : r.request().trim(), complainant, agent,
                respondent, List.copyOf(attachments), suggestions);
    }

    private Complainant complainant(RegistrationRequest.ComplainantInput c, boolean publicly, Validation v) {
        if (c == null) {
            v.add("complainant", "诉求人信息不能为空");
            return null;
        }
        boolean anonymous = Boolean.TRUE.equals(c.anonymous());
        v.required(c.type(), "complainant.type", "诉求人类型");
        if (!anonymous) {
            v.check(blank(c.name()) && blank(c.contactName()), "complainant.name", "诉求人姓名不能为空");
            v.required(c.phone(), "complainant.phone", "联系电话");
            v.check(c.type() == ComplainantType.ENTERPRISE && blank(c.companyName()), "complainant.companyName",
                    "企业名称不能为空");
        }
        v.maxLength(c.name(), 50, "complainant.name", "姓名");
        v.maxLength(c.companyName(), 200, "complainant.companyName", "企业名称");
        v.maxLength(c.contactName(), 50, "complainant.contactName", "联系人");
        v.maxLength(c.address(), 300, "complainant.address", "地址");
        String creditCode = blank(c.creditCode()) ? null : c.creditCode().trim().toUpperCase(Locale.ROOT);
        if (creditCode != null) {
            String problem = CreditCode.problem(creditCode);
            v.check(problem != null, "complainant.creditCode", problem);
        }
        if (!blank(c.phone())) {
            v.check(!Phones.valid(c.phone()), "complainant.phone", Phones.problem(c.phone()));
        }
        v.check(!blank(c.email()) && !EMAIL.matcher(c.email().trim()).matches(), "complainant.email", "电子邮箱格式不正确");
        v.maxLength(c.email(), 200, "complainant.email", "电子邮箱");
        return new Complainant(c.type(), trim(c.name()), trim(c.companyName()), creditCode, trim(c.contactName()),
                trim(c.phone()), trim(c.email()), trim(c.address()), anonymous);
    }

    private Agent agent(RegistrationRequest.AgentInput a, Validation v) {
        if (a == null || (blank(a.name()) && blank(a.phone()) && blank(a.powerOfAttorneyAttachmentId()))) {
            return null;
        }
        v.required(a.name(), "agent.name", "代理人姓名");
        v.maxLength(a.name(), 50, "agent.name", "代理人姓名");
        v.required(a.phone(), "agent.phone", "代理人电话");
        if (!blank(a.phone())) {
            v.check(!Phones.valid(a.phone()), "agent.phone", Phones.problem(a.phone()));
        }
        v.check(blank(a.powerOfAttorneyAttachmentId()), "agent.powerOfAttorneyAttachmentId",
                "委托他人代理投诉的，应当提供投诉人出具的授权委托书（大连细则第十三条）");
        return new Agent(trim(a.name()), trim(a.phone()), trim(a.powerOfAttorneyAttachmentId()));
    }

    private Respondent respondent(RegistrationRequest.RespondentInput r, boolean publicly, Validation v) {
        if (r == null || (blank(r.unitCode()) && blank(r.name()))) {
            v.check(publicly, "respondent.name", "请填写被投诉的单位或部门");
            return null;
        }
        v.check(!blank(r.unitCode()) && directory.organization(r.unitCode()).isEmpty(), "respondent.unitCode",
                "单位不存在");
        v.maxLength(r.name(), 200, "respondent.name", "被投诉对象");
        v.maxLength(r.person(), 50, "respondent.person", "被投诉人");
        String name = blank(r.name()) && !blank(r.unitCode())
                ? directory.organization(r.unitCode()).map(o -> o.name()).orElse(null) : trim(r.name());
        return new Respondent(trim(r.unitCode()), name, trim(r.person()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
