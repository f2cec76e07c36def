package cn.yousu;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Browsers;
import cn.yousu.support.Cases;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Media;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journeys of issue 3 in a real Chromium, through the pages only (never the API): a complaint submitted on a
 * phone travels through every step to closure; a rejection with reasons reaches the complainant; a handler cannot
 * open another unit's case; bad input shows its messages. Screenshots of each main page go to target/screenshots.
 */
class JourneysBrowserTest extends ApiTest {

    static final String TITLE = "食品经营许可证延续申请超期未办 <script>alert('x')</script>";

    @BeforeEach
    void setUp() {
        clock.set("2026-09-30T10:00:00+08:00");
    }

    record Receipt(String number, String code) {
    }

    /**
     * The company name is marked required for an enterprise only, and name and phone unless the complaint is anonymous,
     * as the server checks them; the form ends as it began (an enterprise, not anonymous).
     */
    static void requiredMarksFollowTheAnswers(Page p) {
        java.util.regex.Pattern required = java.util.regex.Pattern.compile("\\brequired\\b");
        var company = p.locator("label[for='f-complainant-companyName']");
        var name = p.locator("label[for='f-complainant-name']");
        var phone = p.locator("label[for='f-complainant-phone']");
        assertThat(company).hasClass(required);
        assertThat(name).hasClass(required);
        p.locator("#f-type-PERSON").check();
        assertThat(company).not().hasClass(required);
        assertThat(p.locator("#f-complainant-companyName")).hasAttribute("aria-required", "false");
        p.locator("#f-complainant-anonymous").check();
        assertThat(name).not().hasClass(required);
        assertThat(phone).not().hasClass(required);
        p.locator("#f-type-ENTERPRISE").check();
        assertThat(company).not().hasClass(required); // anonymous: no name of any kind is asked for
        p.locator("#f-complainant-anonymous").uncheck();
        assertThat(company).hasClass(required);
        assertThat(name).hasClass(required);
        assertThat(phone).hasClass(required);
        assertThat(p.locator("#f-complainant-phone")).hasAttribute("aria-required", "true");
    }

    /** The complainant fills the portal's three steps on a phone and keeps the receipt. */
    Receipt submitOnPhone(Browsers.Window phone, String title, boolean screenshots) {
        Page p = phone.page;
        p.navigate("/");
        assertThat(p.locator("h1")).hasText("企业有诉求，我们马上办");
        assertThat(p.locator("#portal-qr svg")).isVisible();
        if (screenshots) {
            phone.screenshot("portal-01-home-phone");
        }
        p.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("我要投诉")
                .setExact(true)).first().click();
        assertThat(p.locator("[data-step='1'] > legend")).isVisible();
        assertThat(p.locator("[data-step='2']")).isHidden();
        requiredMarksFollowTheAnswers(p);
        p.locator("#f-complainant-companyName").fill("示范食品贸易有限公司");
        p.locator("#f-complainant-creditCode").fill(Cases.creditCode());
        p.locator("#f-complainant-name").fill("李经理");
        p.locator("#f-complainant-phone").fill(Cases.mobile());
        if (screenshots) {
            phone.screenshot("portal-02-step1-phone");
        }
        p.locator("[data-step='1'] .step-nav-next").click();
        assertThat(p.locator("[data-step='2'] > legend")).isVisible();
        p.locator("#f-regionCode").selectOption("SF");
        p.locator("#f-respondent-unitCode").selectOption("SF-SCJG");
        p.locator("#f-title").fill(title);
        p.locator("#f-facts").fill("8月20日提交食品经营许可证延续申请，材料齐全，至今超过法定时限仍未办结，窗口只说等通知。");
        p.locator("#f-request").fill("请尽快办理并说明超期原因");
        if (screenshots) {
            phone.screenshot("portal-03-step2-phone");
        }
        p.locator("[data-step='2'] .step-nav-next").click();
        assertThat(p.locator("[data-step='3'] > legend")).isVisible();
        p.locator("#f-evidence").setInputFiles(new FilePayload("受理回执.pdf", "application/pdf",
                "%PDF-1.4\n% 受理回执\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(p.locator("#evidence-list .attachment-chip")).containsText("受理回执.pdf");
        if (screenshots) {
            phone.screenshot("portal-04-step3-phone");
        }
        p.locator("#submit-complaint").click();
        assertThat(p.locator("#receipt-title")).hasText("提交成功");
        String number = p.locator("#receipt-number").innerText().trim();
        String code = p.locator("#receipt-code").innerText().trim();
        assertThat(p.locator("#receipt-qr svg")).isVisible();
        if (screenshots) {
            phone.screenshot("portal-05-receipt-phone");
        }
        return new Receipt(number, code);
    }

    /** Finds the case in the case list (台账) by its number and opens it. */
    void open(Browsers.Window w, String number) {
        w.page.locator(".app-nav a", new Page.LocatorOptions().setHasText("案件台账")).click();
        w.page.locator("#filter-q").fill(number);
        w.page.locator("#filter-q").press("Enter");
        assertThat(w.page.locator("#row-count")).hasText("共 1 件");
        w.page.locator(".case-table a", new Page.LocatorOptions().setHasText(number)).click();
        assertThat(w.page.locator(".case-number")).hasText(number);
    }

    void act(Browsers.Window w, String action) {
        w.page.locator("#action-" + action + " > summary").click();
    }

    void submit(Browsers.Window w, String action, String expectedStatus) {
        w.page.locator("#submit-" + action).click();
        assertThat(w.page.locator("#case-status")).hasText(expectedStatus);
    }

    @Test
    void aComplaintFromAPhoneTravelsThroughEveryStepToClosure() {
        try (Browsers.Window phone = Browsers.phone(api.base());
             Browsers.Window office = Browsers.desktop(api.base())) {
            Receipt r = submitOnPhone(phone, TITLE, true);
            phone.assertEveryFieldLabelled();

            // 受理 and 交办 by the office
            office.login("office");
            assertThat(office.page.locator("#queue-screen")).isVisible();
            office.screenshot("staff-01-workbench-office");
            open(office, r.number());
            assertThat(office.page.locator("h1")).hasText(TITLE);
            assertThat(office.page.locator("#suggestions")).containsText("示范市市场监督管理局");
            office.assertEveryFieldLabelled();
            office.screenshot("staff-02-case-registered");
            act(office, "accept");
            office.page.locator("#f-accept-complexity").selectOption("GENERAL");
            office.page.locator("#f-accept-categoryCode").selectOption("LICENSE_DELAY");
            submit(office, "accept", "已受理");
            act(office, "assign");
            office.page.locator("#f-assign-leadUnitCode").selectOption("SF-SCJG");
            office.page.locator("#f-assign-requirements").fill("请于时限内核实办理并答复企业");
            submit(office, "assign", "已交办");
            assertThat(office.page.locator(".deadline-badge")).containsText("个工作日");
            office.screenshot("staff-03-case-assigned");
            office.logout();

            // 签收, 拟写 by the unit's handler
            try (Browsers.Window unit = Browsers.desktop(api.base())) {
                unit.login("scjg");
                assertThat(unit.page.locator("#queue-sign")).isVisible();
                unit.screenshot("staff-04-workbench-scjg");
                open(unit, r.number());
                act(unit, "sign");
                submit(unit, "sign", "办理中");
                act(unit, "draft-result");
                unit.page.locator("#f-draft-result-finding").selectOption("TRUE");
                unit.page.locator("#f-draft-result-verification").fill("经核查，延续申请材料齐全，因审批人员调整未及时办理，反映属实。");
                unit.page.locator("#f-draft-result-measures").fill("已当日办结许可证延续，约谈窗口负责人并完善超期预警。");
                unit.page.locator("label[for='f-draft-attitude-SATISFIED']").click();
                unit.screenshot("staff-05-case-drafting");
                unit.page.locator("#submit-draft-result").click();
                assertThat(unit.page.locator("#draft")).containsText("已当日办结许可证延续");
                unit.logout();

                // 签发 by the unit head
                unit.login("scjg-head");
                assertThat(unit.page.locator("#queue-sign-off")).isVisible();
                open(unit, r.number());
                act(unit, "sign-off");
                unit.page.locator("#f-sign-off-comment").fill("同意");
                submit(unit, "sign-off", "待审核");
                unit.screenshot("staff-06-case-signed-off");
            }

            // 审核 by the office
            office.login("office");
            assertThat(office.page.locator("#queue-review")).isVisible();
            open(office, r.number());
            act(office, "review");
            office.page.locator("label[for='f-review-approve-yes']").click();
            submit(office, "review", "待回访");
            office.screenshot("staff-07-case-reviewed");

            // the complainant evaluates on the tracking page
            phone.page.navigate("/track?number=" + r.number() + "&code=" + r.code());
            assertThat(phone.page.locator("#track-status")).containsText("办理完毕，等待回访评价");
            assertThat(phone.page.locator("#track-result")).containsText("已当日办结许可证延续");
            assertThat(phone.page.locator("#track-heading")).hasText(TITLE);
            phone.screenshot("portal-06-tracking-visiting-phone");
            phone.page.locator("label[for='sat-SATISFIED']").click();
            phone.page.locator("#evaluate-comment").fill("办理及时，谢谢");
            phone.page.locator("#evaluate button[type='submit']").click();
            assertThat(phone.page.locator("#tracking .alert-success")).hasText("感谢您的评价。");
            assertThat(phone.page.locator("#track-status")).containsText("已办结");
            phone.screenshot("portal-07-tracking-closed-phone");

            // closed for the office too, with the whole timeline
            open(office, r.number());
            assertThat(office.page.locator("#case-status")).hasText("已办结");
            assertThat(office.page.locator("#timeline")).containsText("评价");
            office.page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(office.page.locator("#actions")).isHidden();
            assertThat(office.page.locator(".app-header")).isHidden();
            office.screenshot("staff-08-case-print");
            office.page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

            for (Browsers.Window w : List.of(phone, office)) {
                assertThat(w.external).as("requests outside the application").isEmpty();
                assertThat(w.consoleErrors).as("script and CSP errors").isEmpty();
            }
        }
    }

    @Test
    void aRejectionWithItsReasonsReachesTheComplainant() {
        try (Browsers.Window phone = Browsers.phone(api.base());
             Browsers.Window office = Browsers.desktop(api.base())) {
            Receipt r = submitOnPhone(phone, "与合作方的货款纠纷请政府出面", false);
            office.login("office");
            open(office, r.number());
            act(office, "reject");
            office.page.locator("label[for='f-reject-CIVIL_DISPUTE']").click();
            office.page.locator("#f-reject-explanation").fill("您反映的是企业之间的货款纠纷，属于民事纠纷，建议通过协商、仲裁或诉讼解决。");
            submit(office, "reject", "不予受理");
            assertThat(office.page.locator("#rejection")).containsText("民事纠纷");

            phone.page.navigate("/track");
            phone.page.locator("#track-number").fill(r.number());
            phone.page.locator("#track-code").fill(r.code().toLowerCase());
            phone.page.locator("#lookup-form button[type='submit']").click();
            assertThat(phone.page.locator("#track-status")).containsText("不予受理");
            assertThat(phone.page.locator("#track-result")).containsText("属于经营主体之间或与其他组织、个人之间的民事纠纷");
            assertThat(phone.page.locator("#track-result")).containsText("建议通过协商、仲裁或诉讼解决");
            assertThat(phone.page.locator("#evaluate")).hasCount(0);
            phone.screenshot("portal-08-tracking-rejected-phone");
            assertThat(phone.consoleErrors).isEmpty();
        }
    }

    @Test
    void aHandlerCannotOpenAnotherUnitsCase() {
        try (Browsers.Window phone = Browsers.phone(api.base());
             Browsers.Window w = Browsers.desktop(api.base())) {
            Receipt r = submitOnPhone(phone, "营业执照变更登记迟迟不办", false);
            w.login("office");
            open(w, r.number());
            act(w, "accept");
            w.page.locator("#f-accept-complexity").selectOption("SIMPLE");
            w.page.locator("#f-accept-categoryCode").selectOption("LICENSE_DELAY");
            submit(w, "accept", "已受理");
            act(w, "assign");
            w.page.locator("#f-assign-leadUnitCode").selectOption("SF-SCJG");
            submit(w, "assign", "已交办");
            w.logout();

            w.login("sw");
            assertThat(w.page.locator("main")).not().containsText(r.number());
            Page.NavigateOptions options = new Page.NavigateOptions();
            var response = w.page.navigate("/cases/" + r.number(), options);
            assertThat(response.status()).isEqualTo(404);
            assertThat(w.page.locator("#error-message")).containsText("没有编号为 " + r.number() + " 的案件，或您无权查看");
            w.screenshot("staff-09-other-units-case-404");
        }
    }

    @Test
    void formsWithBadInputShowTheirMessagesNextToTheFields() {
        try (Browsers.Window phone = Browsers.phone(api.base());
             Browsers.Window office = Browsers.desktop(api.base())) {
            Page p = phone.page;
            p.navigate("/public/submit");
            p.locator("#f-complainant-creditCode").fill("91350100M000100Y4X");
            p.locator("#f-complainant-phone").fill("1381234");
            p.locator("#f-complainant-phone").press("Tab");
            assertThat(p.locator("#err-f-complainant-creditCode")).containsText("校验");
            assertThat(p.locator("#err-f-complainant-phone")).not().isEmpty();
            p.locator("[data-step='1'] .step-nav-next").click();
            assertThat(p.locator("#err-f-complainant-name")).hasText("诉求人姓名不能为空");
            assertThat(p.locator("[data-step='2']")).isHidden();
            phone.screenshot("portal-09-bad-input-phone");

            Receipt r = submitOnPhone(phone, "窗口多次要求重复提交同一材料", false);
            office.login("office");
            open(office, r.number());
            act(office, "reject");
            office.page.locator("#submit-reject").click();
            assertThat(office.page.locator("#err-reject-reasons")).hasText("不予受理理由不能为空");
            assertThat(office.page.locator("#err-reject-explanation")).hasText("向诉求人的解释说明不能为空");
            assertThat(office.page.locator("#case-status")).hasText("已登记");
            office.screenshot("staff-10-bad-input-case-form");
        }
    }

    @Test
    void theLoginWorksWithTheKeyboardAlone() {
        try (Browsers.Window w = Browsers.desktop(api.base())) {
            w.page.navigate("/workbench");
            assertThat(w.page).hasURL(java.util.regex.Pattern.compile(".*/login"));
            assertThat(w.page.locator("#username")).isFocused();
            w.page.keyboard().type("office");
            w.page.keyboard().press("Tab");
            w.page.keyboard().type("demo1234");
            w.page.keyboard().press("Enter");
            w.page.waitForURL("**/workbench**");
            assertThat(w.page.locator("#current-user")).containsText("王受理");
        }
    }
}
