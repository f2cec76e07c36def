package cn.yousu.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Browsers;
import cn.yousu.support.Cases;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The case list, the administration pages, the directory and the English bundle in a real Chromium. */
class PagesBrowserTest extends ApiTest {

    @BeforeEach
    void setUp() {
        clock.set("2026-09-30T10:00:00+08:00");
    }

    @Test
    void theCaseListFiltersInPlace() {
        Cases.Registered r = cases.inProgress();
        try (Browsers.Window w = Browsers.desktop(api.base())) {
            w.login("office");
            w.page.navigate("/cases");
            assertThat(w.page.locator("#row-count")).containsText("共");
            w.page.locator("#filter-status-IN_PROGRESS").check();
            assertThat(w.page).hasURL(java.util.regex.Pattern.compile(".*status=IN_PROGRESS.*"));
            w.page.locator("#filter-q").fill(r.number());
            w.page.locator("#filters button[type='submit']").click();
            assertThat(w.page.locator("#row-count")).hasText("共 1 件");
            assertThat(w.page.locator(".case-table tbody tr")).hasCount(1);
            assertThat(w.page.locator(".case-table")).containsText(r.number());
            w.assertEveryFieldLabelled();
            w.screenshot("staff-11-case-list");
            w.page.navigate("/register");
            assertThat(w.page.locator("#f-channel")).isVisible();
            assertThat(w.page.locator("#hint-evidence")).containsText("20 MB");
            w.assertEveryFieldLabelled();
            w.screenshot("staff-12-registration");
            assertThat(w.consoleErrors).isEmpty();
        }
    }

    @Test
    void theAdministrationPages() {
        try (Browsers.Window w = Browsers.desktop(api.base())) {
            w.login("admin");
            w.page.navigate("/admin/regions");
            assertThat(w.page.locator("#region-table")).containsText("东城区");
            w.assertEveryFieldLabelled();
            w.screenshot("admin-01-regions");
            w.page.navigate("/admin/units");
            assertThat(w.page.locator("#unit-table")).containsText("0999-12315");
            w.assertEveryFieldLabelled();
            w.screenshot("admin-02-units");
            w.page.navigate("/admin/users");
            assertThat(w.page.locator("#user-table")).containsText("scjg-head");
            w.assertEveryFieldLabelled();
            w.screenshot("admin-03-users");
            w.page.navigate("/admin/policy");
            assertThat(w.page.locator("#policy-table")).containsText("closingSatisfaction");
            w.screenshot("admin-04-policy");
            w.page.navigate("/admin/calendar?year=2026");
            assertThat(w.page.locator("td[data-date='2026-10-01']")).hasClass("holiday");
            assertThat(w.page.locator("td[data-date='2026-10-10']")).hasClass("makeup");
            w.assertEveryFieldLabelled();
            w.screenshot("admin-05-calendar-2026");

            // adding a year by upload
            String year = """
                    {"year": 2030, "papers": ["https://www.gov.cn/example-2030"],
                     "days": [{"name": "元旦", "date": "2030-01-01", "isOffDay": true},
                              {"name": "国庆节", "date": "2030-10-01", "isOffDay": true},
                              {"name": "国庆节", "date": "2030-10-12", "isOffDay": false}]}""";
            w.page.locator("#calendar-file").setInputFiles(new FilePayload("2030.json", "application/json",
                    year.getBytes(StandardCharsets.UTF_8)));
            w.page.locator("#calendar-upload button[type='submit']").click();
            assertThat(w.page.locator("#flash")).containsText("已导入 2030 年");
            assertThat(w.page.locator("#calendar-official")).hasText("官方数据");
            assertThat(w.page.locator("td[data-date='2030-10-12']")).hasClass("makeup");
            w.page.locator("#calendar-file").setInputFiles(new FilePayload("bad.json", "application/json",
                    "{\"year\": 2031, \"papers\": [], \"days\": [{\"name\": \"元旦\", \"date\": \"2031-13-01\", \"isOffDay\": true}]}"
                            .getBytes(StandardCharsets.UTF_8)));
            w.page.locator("#calendar-upload button[type='submit']").click();
            assertThat(w.page.locator("#calendar-problems")).containsText("days[0].date：日期格式应为 YYYY-MM-DD");
            w.screenshot("admin-06-calendar-bad-upload");
            assertThat(w.consoleErrors).isEmpty();
        }
    }

    @Test
    void theDirectoryAndTheEnglishBundle() {
        try (Browsers.Window phone = Browsers.phone(api.base())) {
            phone.page.navigate("/public/units");
            assertThat(phone.page.locator("h1")).hasText("各单位投诉电话和联系人");
            phone.screenshot("portal-10-directory-phone");
            phone.page.navigate("/?lang=en");
            assertThat(phone.page.locator("h1")).hasText("Tell us what holds your business back");
            phone.screenshot("portal-11-home-english-phone");
            phone.page.navigate("/?lang=zh_CN");
            assertThat(phone.page.locator("h1")).hasText("企业有诉求，我们马上办");
        }
    }
}
