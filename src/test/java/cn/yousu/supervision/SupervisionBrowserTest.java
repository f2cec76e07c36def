package cn.yousu.supervision;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Browsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser: an overdue case shows on the supervision page with the overdue badge in the header, and the
 * unit's handler reads the red warning in the inbox and marks it read, which lowers the unread count.
 */
class SupervisionBrowserTest extends ApiTest {

    @Autowired
    DeadlineWatch watch;

    @Test
    void overdueCaseOnTheSupervisionPageAndItsWarningInTheInbox() {
        clock.set("2026-08-03T09:00:00+08:00");
        String n = cases.inProgress().number();
        clock.set("2026-08-11T09:00:00+08:00");
        watch.pass();
        try (Browsers.Window w = Browsers.desktop(api.base())) {
            w.login("office");
            w.page.navigate(api.base() + "/supervision");
            assertThat(w.page.locator("h1")).hasText("预警督办");
            assertThat(w.page.locator("#warnings")).containsText(n);
            assertThat(w.page.locator(".header-badge.tone-danger")).containsText("超期");
            w.assertEveryFieldLabelled();
            w.screenshot("supervision-board-office");
            assertThat(w.consoleErrors).as("script and CSP errors").isEmpty();
            w.logout();

            w.login("scjg");
            w.page.navigate(api.base() + "/notifications?unread=true");
            assertThat(w.page.locator("h1")).hasText("通知");
            com.microsoft.playwright.Locator item = w.page.locator("li.list-group-item",
                    new com.microsoft.playwright.Page.LocatorOptions().setHasText("红色预警：案件 " + n + " 办理时限已超期"));
            assertThat(item).hasCount(1);
            w.screenshot("notification-inbox-unit");
            String before = w.page.locator(".header-badge:has-text(\"未读通知\") .count").textContent().trim();
            item.locator("button").click();
            assertThat(w.page.locator("li.list-group-item",
                    new com.microsoft.playwright.Page.LocatorOptions().setHasText("红色预警：案件 " + n + " 办理时限已超期"))).hasCount(0);
            String after = w.page.locator(".header-badge:has-text(\"未读通知\") .count").textContent().trim();
            assertThat(Long.parseLong(after)).isEqualTo(Long.parseLong(before) - 1);
            assertThat(w.consoleErrors).as("script and CSP errors").isEmpty();
        }
    }
}
