package cn.yousu.organization.web;

import cn.yousu.organization.Organization;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.OrganizationKind;
import cn.yousu.organization.Region;
import cn.yousu.organization.RegionLevel;
import cn.yousu.shared.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Regions, units and the public complaint contact directory. */
@RestController
@RequestMapping("/api/v1")
class OrganizationController {

    private final OrganizationDirectory directory;

    OrganizationController(OrganizationDirectory directory) {
        this.directory = directory;
    }

    record RegionView(String code, String name, String parentCode, String level, String levelName, String numberPrefix,
            String officeCode, String officeName) {
    }

    record OrganizationView(String code, String name, String kind, String kindName, String regionCode,
            String regionName, String complaintPhone, String contactPerson, String contactPhone, String address,
            String duties, boolean active) {
    }

    /** What the public directory shows: the complaint phone and contact person each unit publishes. */
    record ContactView(String code, String name, String kind, String regionCode, String regionName,
            String complaintPhone, String contactPerson, String address) {
    }

    @GetMapping("/regions")
    List<RegionView> regions() {
        return directory.regions().stream().map(this::view).toList();
    }

    @GetMapping("/units")
    List<OrganizationView> units(@RequestParam(required = false) String regionCode) {
        return unitsOf(regionCode).stream().map(this::view).toList();
    }

    @GetMapping("/organizations")
    List<OrganizationView> organizations() {
        return directory.organizations().stream().filter(o -> o.kind() != OrganizationKind.SYSTEM).map(this::view)
                .toList();
    }

    @GetMapping("/public/units")
    List<ContactView> directory(@RequestParam(required = false) String regionCode) {
        if (regionCode != null && !regionCode.isBlank() && directory.region(regionCode).isEmpty()) {
            throw ApiProblem.invalid("regionCode", "区域不存在");
        }
        return directory.organizations().stream()
                .filter(o -> o.active() && (o.isUnit() || o.isOffice()))
                .filter(o -> regionCode == null || regionCode.isBlank() || regionCode.equals(o.regionCode()))
                .map(o -> new ContactView(o.code(), o.name(), o.kind().name(), o.regionCode(),
                        directory.regionName(o.regionCode()), o.complaintPhone(), o.contactPerson(), o.address()))
                .toList();
    }

    record RegionRequest(String code, String name, String parentCode, RegionLevel level, String numberPrefix) {
    }

    @PostMapping("/regions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    RegionView createRegion(@RequestBody RegionRequest request) {
        return view(directory.createRegion(new OrganizationDirectory.RegionDraft(request.code(), request.name(),
                request.parentCode(), request.level(), request.numberPrefix())));
    }

    record OrganizationRequest(String code, String name, OrganizationKind kind, String regionCode,
            String complaintPhone, String contactPerson, String contactPhone, String address, String duties,
            Boolean active) {
    }

    @PostMapping("/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    OrganizationView createOrganization(@RequestBody OrganizationRequest request) {
        if (request.code() != null && directory.organization(request.code()).isPresent()) {
            throw ApiProblem.invalid("code", "单位代码已存在");
        }
        return view(directory.saveOrganization(draft(request.code(), request)));
    }

    @PutMapping("/organizations/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    OrganizationView updateOrganization(@PathVariable String code, @RequestBody OrganizationRequest request) {
        if (directory.organization(code).isEmpty()) {
            throw ApiProblem.notFound("没有代码为 " + code + " 的单位");
        }
        return view(directory.saveOrganization(draft(code, request)));
    }

    private List<Organization> unitsOf(String regionCode) {
        if (regionCode == null || regionCode.isBlank()) {
            return directory.organizations().stream().filter(o -> o.isUnit() && o.active()).toList();
        }
        if (directory.region(regionCode).isEmpty()) {
            throw ApiProblem.invalid("regionCode", "区域不存在");
        }
        return directory.unitsIn(regionCode);
    }

    private static Organization draft(String code, OrganizationRequest r) {
        return new Organization(code, r.name(), r.kind(), r.regionCode(), r.complaintPhone(), r.contactPerson(),
                r.contactPhone(), r.address(), r.duties(), r.active() == null || r.active());
    }

    private RegionView view(Region r) {
        Organization office = directory.officeOf(r.code()).orElse(null);
        return new RegionView(r.code(), r.name(), r.parentCode(), r.level().name(), r.level().label(), r.numberPrefix(),
                office == null ? null : office.code(), office == null ? null : office.name());
    }

    private OrganizationView view(Organization o) {
        return new OrganizationView(o.code(), o.name(), o.kind().name(), o.kind().label(), o.regionCode(),
                o.regionCode() == null ? null : directory.regionName(o.regionCode()), o.complaintPhone(),
                o.contactPerson(), o.contactPhone(), o.address(), o.duties(), o.active());
    }
}
