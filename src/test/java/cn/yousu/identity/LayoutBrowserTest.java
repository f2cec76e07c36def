package cn.yousu.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Browsers;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/** The common layout in a real browser: who is signed in, the navigation, the keyboard, signing out. */
class LayoutBrowserTest extends ApiTest {

    @Test
    void theLayoutShowsTheUserAndWorksWithTheKeyboard() {
        try (Browsers.Window w = Browsers.desktop(api.base())) {
            w.login("office");
            Locator user = w.page.locator("#current-user");
            assertThat(user).containsText("王受理（市营商办）");
            assertThat(user).containsText("示范市营商办");
            assertThat(user).containsText("受理员");
            assertThat(w.page.locator(".app-nav a.active")).hasText("我的工作台");
            assertThat(w.page.locator("h1")).hasText("我的工作台");
            w.screenshot("staff-workbench-office");
            // a page under another entry's address marks only its own entry
            w.page.navigate("/reports/ranking");
            assertThat(w.page.locator(".app-nav a.active")).hasCount(1);
            assertThat(w.page.locator(".app-nav a.active")).hasText("排名评价");
            w.page.navigate("/reports");
            assertThat(w.page.locator(".app-nav a.active")).hasText("统计分析");
            w.page.navigate("/workbench");

            // the first Tab reaches the skip link, which jumps to the content
            w.page.keyboard().press("Tab");
            assertThat(w.page.locator(".skip-link")).isFocused();
            w.page.keyboard().press("Enter");
            assertThat(w.page.locator("#main")).isFocused();

            w.logout();
            assertThat(w.page.locator(".alert-info")).hasText("您已安全退出");
            w.screenshot("staff-login");
            assertThat(w.external).as("requests outside the application").isEmpty();
            assertThat(w.consoleErrors).as("script and CSP errors").isEmpty();
        }
    }
}
