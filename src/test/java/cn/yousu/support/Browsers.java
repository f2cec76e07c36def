package cn.yousu.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright (no browser download). Without a Chromium the browser tests are skipped
 * with a message saying so — except under {@code CI=true}, where a missing browser fails the build. One browser
 * per test JVM; each journey gets its own context (its own cookies), which watches that the page loads nothing
 * from outside the application and logs no script or CSP error.
 */
public final class Browsers {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("YOUSU_CHROMIUM", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** How long an action or an assertion waits for the page before it fails. */
    static final int ACTION_TIMEOUT_MS = 20_000;
    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    public static synchronized Browser chromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but there is no Chromium at " + CHROMIUM
                        + ": the browser suite must run in CI (apt-get install chromium)");
            }
            Assumptions.abort("No Chromium at " + CHROMIUM + ": the browser tests are skipped "
                    + "(install Debian's chromium, or set YOUSU_CHROMIUM to a Chromium binary)");
        }
        if (browser == null) {
            // an assertion waits as long as an action does: once (CI, 2026-12-07, the machine busy with other work
            // too) the portal's second step did not appear within Playwright's default 5 s after "next"
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(ACTION_TIMEOUT_MS);
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run", "--disable-dev-shm-usage")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** A fresh browser window of {@code width}×{@code height} on the application at {@code base}. */
    public static Window open(String base, int width, int height) {
        BrowserContext context = chromium().newContext(new Browser.NewContextOptions().setBaseURL(base)
                .setViewportSize(width, height).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(ACTION_TIMEOUT_MS);
        Window window = new Window(context, context.newPage(), base);
        context.route("**/*", route -> {
            String url = route.request().url();
            if (url.startsWith(base) || url.startsWith("data:")) {
                route.resume();
            } else {
                window.external.add(url);
                route.abort();
            }
        });
        window.page.onConsoleMessage(m -> {
            // a form refused with 400 is an answer the page shows, not a script error
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource: the server responded with a status of 4")) {
                window.consoleErrors.add(m.text());
            }
        });
        window.page.onPageError(e -> window.consoleErrors.add(e));
        return window;
    }

    /** A phone-sized window (375 × 740). */
    public static Window phone(String base) {
        return open(base, 375, 740);
    }

    public static Window desktop(String base) {
        return open(base, 1360, 900);
    }

    /** One browser window with what it saw go wrong. */
    public static final class Window implements AutoCloseable {

        public final BrowserContext context;
        public final Page page;
        public final String base;
        public final List<String> external = new ArrayList<>();
        public final List<String> consoleErrors = new ArrayList<>();

        Window(BrowserContext context, Page page, String base) {
            this.context = context;
            this.page = page;
            this.base = base;
        }

        /** Saves a full-page screenshot as target/screenshots/{name}.png. */
        public Path screenshot(String name) {
            Path file = SCREENSHOTS.resolve(name + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            return file;
        }

        /** Signs in on the login page. */
        public void login(String username) {
            page.navigate("/login");
            page.getByLabel("用户名").fill(username);
            page.getByLabel("密码").fill(Api.PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("登录")).click();
            page.waitForURL("**/workbench**");
        }

        /** Every visible field of the page has a label (or an accessible name). */
        public void assertEveryFieldLabelled() {
            Object unlabelled = page.evaluate("() => Array.from(document.querySelectorAll('input, select, textarea'))"
                    + ".filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))"
                    + ".map(e => e.name || e.id)");
            org.assertj.core.api.Assertions.assertThat((List<?>) unlabelled).as("fields without a label on %s",
                    page.url()).isEmpty();
        }

        public void logout() {
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("退出")).click();
            page.waitForURL("**/login?logout");
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
