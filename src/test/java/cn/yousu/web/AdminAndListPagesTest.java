package cn.yousu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.policy.Policy;
import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import cn.yousu.support.Pages;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The case list (台账 view) and the administration pages over HTTP. */
class AdminAndListPagesTest extends ApiTest {

    @BeforeEach
    void setUp() {
        clock.set("2026-09-30T10:00:00+08:00");
    }

    @Test
    void theCaseListFiltersCountsAndPagesWithinTheUsersScope() {
        Cases.Registered a = cases.register();
        Cases.Registered b = cases.inProgress();
        Pages office = Pages.signedIn(port, "office");
        Pages.Page all = office.get("/cases").expect(200);
        long total = count(all);
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(all.body()).contains(a.number(), b.number());

        Pages.Page inProgress = office.get("/cases?status=IN_PROGRESS&q=" + b.number()).expect(200);
        assertThat(count(inProgress)).isEqualTo(1);
        assertThat(inProgress.body()).contains(b.number()).doesNotContain(a.number());

        // keyset paging: 20 rows a page, the next page starts after the last row
        for (int i = 0; i < 21; i++) {
            cases.register();
        }
        Pages.Page first = office.get("/cases?status=REGISTERED").expect(200);
        Matcher next = Pattern.compile("id=\"next-page\"\\s+href=\"([^\"]+)\"").matcher(first.body());
        assertThat(next.find()).as("a next page link").isTrue();
        Pages.Page second = office.get(next.group(1).replace("&amp;", "&")).expect(200);
        assertThat(count(second)).isEqualTo(count(first));
        List<String> firstNumbers = numbers(first);
        assertThat(numbers(second)).doesNotContainAnyElementsOf(firstNumbers).isNotEmpty();

        // a unit sees only its own cases; bad filters get their messages
        Pages.Page unit = Pages.signedIn(port, "scjg").get("/cases").expect(200);
        assertThat(unit.body()).contains(b.number()).doesNotContain(a.number());
        assertThat(office.get("/cases?from=2026-10-10&to=2026-10-01").body()).contains("结束日期不能早于开始日期");
    }

    @Test
    void administrationIsForAdministratorsOnly() {
        Pages office = Pages.signedIn(port, "office");
        for (String page : List.of("/admin/regions", "/admin/units", "/admin/users", "/admin/policy", "/admin/calendar")) {
            assertThat(office.get(page).status()).as(page).isEqualTo(403);
        }
    }

    @Test
    void regionsUnitsAndUsersAreAddedAndChangedWithTheirMessages() {
        Pages admin = Pages.signedIn(port, "admin");
        admin.get("/admin/regions").expect(200);
        Pages.Page bad = admin.post("/admin/regions", Map.of("code", "bad code", "name", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("区域代码只能包含大写字母", "区域名称不能为空", "区域级别不能为空");
        admin.post("/admin/regions", Map.of("code", "SF-YQ", "name", "示范园区", "parentCode", "SF", "level", "COUNTY"))
                .expectRedirect("/admin/regions");
        assertThat(admin.get("/admin/regions").body()).contains("示范园区", "SF-YQ");

        admin.get("/admin/units");
        admin.post("/admin/units", Map.of("code", "SF-YQ-YSB", "name", "园区营商办", "kind", "OFFICE",
                "regionCode", "SF-YQ", "complaintPhone", "0999-42345", "contactPerson", "钱科长",
                "active", List.of("true", "false"))).expectRedirect("/admin/units");
        admin.get("/admin/units?edit=SF-YQ-YSB").expect(200);
        admin.post("/admin/units", Map.of("editing", "SF-YQ-YSB", "name", "园区营商办", "kind", "OFFICE",
                "regionCode", "SF-YQ", "complaintPhone", "0999-42346", "contactPerson", "钱科长",
                "active", List.of("true", "false"))).expectRedirect("/admin/units");
        assertThat(admin.get("/admin/units").body()).contains("0999-42346").doesNotContain("0999-42345");
        assertThat(new Pages(port).get("/public/units").body()).contains("园区营商办", "0999-42346");

        admin.get("/admin/users");
        Pages.Page badUser = admin.post("/admin/users", Map.of("username", "yq-clerk", "displayName", "园区受理员",
                "orgCode", "SF-YQ-YSB", "roles", List.of("HANDLER"), "password", "short", "enabled", "false"));
        assertThat(badUser.status()).isEqualTo(400);
        assertThat(badUser.body()).contains("角色「经办人」不适用于营商办", "密码至少 8 位");
        admin.post("/admin/users", Map.of("username", "yq-clerk", "displayName", "园区受理员", "orgCode", "SF-YQ-YSB",
                "roles", List.of("INTAKE", "DISPATCHER"), "password", "demo1234",
                "enabled", List.of("true", "false"))).expectRedirect("/admin/users");
        Pages clerk = Pages.signedIn(port, "yq-clerk");
        assertThat(clerk.get("/workbench").body()).contains("园区营商办", "受理员", "交办员");
    }

    @Test
    void thePolicyPageShowsEverySetting() {
        Pages.Page page = Pages.signedIn(port, "admin").get("/admin/policy").expect(200);
        for (RecordComponent c : Policy.class.getRecordComponents()) {
            assertThat(page.body()).as("setting %s", c.getName()).contains("<code>" + c.getName() + "</code>");
        }
        assertThat(page.body()).contains("<code>timeLimits.general</code>", "5个工作日", "枣阳");
    }

    @Test
    void theCalendarShowsAYearAndTakesANewOneByUpload() {
        Pages admin = Pages.signedIn(port, "admin");
        Pages.Page year = admin.get("/admin/calendar?year=2026").expect(200);
        assertThat(year.body()).contains("官方数据", "title=\"国庆节\"", "data-date=\"2026-10-10\"");
        assertThat(year.body()).containsPattern("class=\"makeup\"[^>]*title=\"国庆节\"[^>]*>10<|class=\"makeup\"\\s+title=\"[^\"]*\"\\s+data-date=\"2026-10-10\"");
        Pages.Page missing = admin.get("/admin/calendar?year=2031").expect(200);
        assertThat(missing.body()).contains("无官方数据");
    }

    private static long count(Pages.Page page) {
        Matcher m = Pattern.compile("id=\"row-count\">共 ([\\d,]+) 件").matcher(page.body());
        assertThat(m.find()).as("row count").isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static List<String> numbers(Pages.Page page) {
        return Pattern.compile(">(SF-2026-\\d{6})</a>").matcher(page.body()).results().map(r -> r.group(1)).toList();
    }
}
