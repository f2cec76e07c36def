package cn.yousu.organization;

import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.Validation;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region tree and the organisations in it, held in memory (they are few and read on every request) and
 * reloaded when they change here or, within a minute, on another node.
 */
@Service
public class OrganizationDirectory {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9\\-]{0,48}");
    private static final Pattern PHONE = Pattern.compile("[0-9\\-+() ]{5,30}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), "");

    record Snapshot(Map<String, Region> regions, Map<String, Organization> organizations, String stamp) {
    }

    public OrganizationDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostConstruct
    synchronized void reload() {
        Map<String, Region> regions = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name, parent_code, path, level, number_prefix, time_zone FROM region ORDER BY path")
                .query((rs, n) -> new Region(rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
                        rs.getString("path"), RegionLevel.valueOf(rs.getString("level")),
                        rs.getString("number_prefix"), rs.getString("time_zone")))
                .list().forEach(r -> regions.put(r.code(), r));
        Map<String, Organization> organizations = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT code, name, kind, region_code, complaint_phone, contact_person, contact_phone, address, duties, active
                FROM organization ORDER BY code""")
                .query((rs, n) -> new Organization(rs.getString("code"), rs.getString("name"),
                        OrganizationKind.valueOf(rs.getString("kind")), rs.getString("region_code"),
                        rs.getString("complaint_phone"), rs.getString("contact_person"), rs.getString("contact_phone"),
                        rs.getString("address"), rs.getString("duties"), rs.getBoolean("active")))
                .list().forEach(o -> organizations.put(o.code(), o));
        snapshot = new Snapshot(Map.copyOf(regions), Map.copyOf(organizations), stamp());
    }

    @Scheduled(fixedDelayString = "${yousu.organization.refresh-interval:60s}", initialDelayString = "60s")
    void refreshIfChanged() {
        if (!stamp().equals(snapshot.stamp())) {
            reload();
        }
    }

    private String stamp() {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM region) || '/' || (SELECT COUNT(*) FROM organization) || '/'
                       || COALESCE(CAST((SELECT MAX(changed_at) FROM organization) AS VARCHAR(64)), '')""")
                .query(String.class).single();
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(code == null ? null : snapshot.regions().get(code));
    }

    public Optional<Organization> organization(String code) {
        return Optional.ofNullable(code == null ? null : snapshot.organizations().get(code));
    }

    public List<Region> regions() {
        return snapshot.regions().values().stream().sorted(Comparator.comparing(Region::path)).toList();
    }

    public List<Organization> organizations() {
        return snapshot.organizations().values().stream().sorted(Comparator.comparing(Organization::code)).toList();
    }

    /** The business-environment office of a region, if it has one. */
    public Optional<Organization> officeOf(String regionCode) {
        return snapshot.organizations().values().stream()
                .filter(o -> o.isOffice() && o.active() && o.regionCode().equals(regionCode)).findFirst();
    }

    /** Active units of exactly this region. */
    public List<Organization> unitsIn(String regionCode) {
        return snapshot.organizations().values().stream()
                .filter(o -> o.isUnit() && o.active() && regionCode.equals(o.regionCode()))
                .sorted(Comparator.comparing(Organization::code)).toList();
    }

    /** Active units of this region and the regions below it. */
    public List<Organization> unitsWithin(String regionCode) {
        Region top = snapshot.regions().get(regionCode);
        if (top == null) {
            return List.of();
        }
        return snapshot.organizations().values().stream()
                .filter(o -> o.isUnit() && o.active() && top.contains(snapshot.regions().get(o.regionCode())))
                .sorted(Comparator.comparing(Organization::code)).toList();
    }

    public Optional<Region> parent(String regionCode) {
        return region(regionCode).map(Region::parentCode).flatMap(this::region);
    }

    public List<Region> children(String regionCode) {
        return snapshot.regions().values().stream().filter(r -> regionCode.equals(r.parentCode()))
                .sorted(Comparator.comparing(Region::path)).toList();
    }

    /** True when {@code inner} is {@code outer} or lies below it. */
    public boolean isWithin(String inner, String outer) {
        Region in = snapshot.regions().get(inner);
        Region out = snapshot.regions().get(outer);
        return in != null && out != null && out.contains(in);
    }

    public String regionName(String code) {
        return region(code).map(Region::name).orElse(code);
    }

    public String organizationName(String code) {
        return organization(code).map(Organization::name).orElse(code);
    }

    // ---- administration ----

    public record RegionDraft(String code, String name, String parentCode, RegionLevel level, String numberPrefix) {
    }

    /** Adds a region; its office is added with {@link #saveOrganization}. */
    @Transactional
    public Region createRegion(RegionDraft draft) {
        Validation v = Validation.start();
        v.required(draft.code(), "code", "区域代码");
        v.check(draft.code() != null && !CODE.matcher(draft.code()).matches(), "code",
                "区域代码只能包含大写字母、数字和连字符，且以字母或数字开头");
        v.check(draft.code() != null && region(draft.code()).isPresent(), "code", "区域代码已存在");
        v.required(draft.name(), "name", "区域名称");
        v.maxLength(draft.name(), 100, "name", "区域名称");
        v.required(draft.level(), "level", "区域级别");
        Region parent = null;
        if (draft.parentCode() != null && !draft.parentCode().isBlank()) {
            parent = region(draft.parentCode()).orElse(null);
            v.check(parent == null, "parentCode", "上级区域不存在");
            v.check(parent != null && draft.level() != null && parent.level().ordinal() >= draft.level().ordinal(),
                    "level", "区域级别应低于上级区域");
        }
        String prefix = draft.numberPrefix() == null || draft.numberPrefix().isBlank() ? draft.code()
                : draft.numberPrefix();
        v.check(!prefix.matches("[A-Za-z0-9\\-]{1,20}"), "numberPrefix", "编号前缀只能包含字母、数字和连字符，最多 20 位");
        v.throwIfInvalid();
        String path = (parent == null ? "/" : parent.path()) + draft.code() + "/";
        jdbc.sql("""
                INSERT INTO region (code, name, parent_code, path, level, number_prefix, time_zone)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(draft.code(), draft.name().trim(), parent == null ? null : parent.code(), path,
                        draft.level().name(), prefix, clock.getZone().getId())
                .update();
        touch();
        reload();
        return region(draft.code()).orElseThrow();
    }

    /** Creates or updates an organisation; one active office per region. */
    @Transactional
    public Organization saveOrganization(Organization draft) {
        Validation v = Validation.start();
        v.required(draft.code(), "code", "单位代码");
        v.check(draft.code() != null && !CODE.matcher(draft.code()).matches(), "code",
                "单位代码只能包含大写字母、数字和连字符，且以字母或数字开头");
        v.required(draft.name(), "name", "单位名称");
        v.maxLength(draft.name(), 200, "name", "单位名称");
        v.required(draft.kind(), "kind", "单位类型");
        v.check(draft.kind() == OrganizationKind.SYSTEM, "kind", "不能新建系统管理机构");
        v.required(draft.regionCode(), "regionCode", "所属区域");
        v.check(draft.regionCode() != null && region(draft.regionCode()).isEmpty(), "regionCode", "所属区域不存在");
        v.check(draft.complaintPhone() != null && !draft.complaintPhone().isBlank()
                && !PHONE.matcher(draft.complaintPhone()).matches(), "complaintPhone", "投诉电话格式不正确");
        v.check(draft.contactPhone() != null && !draft.contactPhone().isBlank()
                && !PHONE.matcher(draft.contactPhone()).matches(), "contactPhone", "联系电话格式不正确");
        v.maxLength(draft.contactPerson(), 100, "contactPerson", "联系人");
        v.maxLength(draft.address(), 300, "address", "地址");
        v.maxLength(draft.duties(), 1000, "duties", "职责关键词");
        if (draft.kind() == OrganizationKind.OFFICE && draft.active() && draft.regionCode() != null) {
            officeOf(draft.regionCode()).filter(o -> !o.code().equals(draft.code()))
                    .ifPresent(o -> v.add("regionCode", "该区域已有营商办：" + o.name()));
        }
        v.throwIfInvalid();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        boolean exists = organization(draft.code()).isPresent();
        if (exists) {
            Organization old = organization(draft.code()).get();
            if (old.kind() == OrganizationKind.SYSTEM) {
                throw ApiProblem.forbidden("系统管理机构不能修改");
            }
            jdbc.sql("""
                    UPDATE organization SET name = ?, kind = ?, region_code = ?, complaint_phone = ?, contact_person = ?,
                           contact_phone = ?, address = ?, duties = ?, active = ?, changed_at = ?
                    WHERE code = ?""")
                    .params(draft.name().trim(), draft.kind().name(), draft.regionCode(), blankToNull(draft.complaintPhone()),
                            blankToNull(draft.contactPerson()), blankToNull(draft.contactPhone()),
                            blankToNull(draft.address()), blankToNull(draft.duties()), draft.active(), now, draft.code())
                    .update();
        } else {
            jdbc.sql("""
                    INSERT INTO organization (code, name, kind, region_code, complaint_phone, contact_person, contact_phone,
                                              address, duties, active, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(draft.code(), draft.name().trim(), draft.kind().name(), draft.regionCode(),
                            blankToNull(draft.complaintPhone()), blankToNull(draft.contactPerson()),
                            blankToNull(draft.contactPhone()), blankToNull(draft.address()), blankToNull(draft.duties()),
                            draft.active(), now)
                    .update();
        }
        reload();
        return organization(draft.code()).orElseThrow();
    }

    private void touch() {
        jdbc.sql("UPDATE organization SET changed_at = ? WHERE code = 'SYSTEM'")
                .param(clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
