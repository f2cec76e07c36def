package cn.yousu.reporting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Browsers;
import cn.yousu.support.Cases;
import com.microsoft.playwright.Download;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;

/**
 * The journey in Chromium: {@code leader} opens the dashboard and sees this month's county ranking with the
 * figures behind it; {@code office} exports the month's ledger from the case list and a 交办单 from a case, and both
 * files open (Apache POI) with every field filled.
 */
class ReportingBrowserTest extends ApiTest {

    @Test
    void leaderSeesTheRankingAndOfficeExportsLedgerAndAssignmentForm() throws Exception {
        clock.set("2026-11-23T09:00:00+08:00");
        Map<String, Object> body = Cases.complaint("SF-DC", "SF-DC-SCJG");
        String title = "浏览器旅程 " + UUID.randomUUID();
        body.put("title", "东城旅程 " + UUID.randomUUID());
        String dc = cases.register("dc-office", body).number();
        cases.act("dc-office", dc, "accept", Map.of("kind", "COMPLAINT", "complexity", "GENERAL",
                "categoryCode", "LICENSE_DELAY"));
        Map<String, Object> city = Cases.complaint("SF", "SF-SCJG");
        city.put("title", title);
        String number = cases.register("office", city).number();
        cases.accept(number, "GENERAL");
        cases.assign(number, "SF-SCJG");

        try (Browsers.Window w = Browsers.desktop(api.base())) {
            w.login("leader");
            w.page.navigate("/reports");
            assertThat(w.page.locator("#county-ranking")).containsText("县域营商环境投诉办理排名");
            assertThat(w.page.locator("#county-ranking")).containsText("东城区");
            assertThat(w.page.locator("#county-ranking tbody tr").first()).containsText("东城区");
            assertThat(w.page.locator("#indicators [data-indicator='responseRate']")).containsText("响应率 =");
            assertThat(w.page.locator("#chart-trend[data-drawn='true'] canvas")).hasCount(1);
            w.assertEveryFieldLabelled();
            w.screenshot("reporting-01-dashboard");
            // the figures behind the score: 东城区's response rate opens its cases
            w.page.locator("#county-ranking tbody tr").first().locator("td a").first().click();
            assertThat(w.page.locator("#measure-note")).containsText("响应率");
            assertThat(w.page.locator(".case-table")).containsText(dc);
            w.screenshot("reporting-02-cases-behind-a-figure");
            assertThat(w.consoleErrors).isEmpty();
            assertThat(w.external).isEmpty();
        }

        try (Browsers.Window w = Browsers.desktop(api.base())) {
            w.login("office");
            w.page.navigate("/cases?from=2026-11-01&to=2026-11-30&q=" + cn.yousu.support.Api.q(title));
            assertThat(w.page.locator("#row-count")).hasText("共 1 件");
            w.page.locator("#ledger-export").click();
            assertThat(w.page.locator("#ledger-total")).hasText("1");
            w.page.locator("#start-export").click();
            // the page polls the export until the file is ready (a loaded machine may take a while)
            assertThat(w.page.locator("#download-ledger")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            assertThat(w.page.locator("#export-job")).containsText("已导出 1 / 1 行");
            w.screenshot("reporting-03-ledger-export");
            Download ledger = w.page.waitForDownload(() -> w.page.locator("#download-ledger").click());
            try (InputStream in = Files.newInputStream(ledger.path()); XSSFWorkbook book = new XSSFWorkbook(in)) {
                Row row = book.getSheetAt(0).getRow(1);
                DataFormatter f = new DataFormatter();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Ledger.COLUMNS.size(); i++) {
                    cells.add(f.formatCellValue(row.getCell(i)));
                }
                assertThat(cells).doesNotContain("").contains(number, "示范市市场监督管理局（牵头）");
            }

            w.page.navigate("/cases/" + number);
            Download form = w.page.waitForDownload(() -> w.page.locator("#form-assignment").click());
            try (InputStream in = Files.newInputStream(form.path()); XWPFDocument doc = new XWPFDocument(in)) {
                List<String> values = new ArrayList<>();
                doc.getTables().forEach(t -> t.getRows().forEach(r -> {
                    List<XWPFTableCell> c = r.getTableCells();
                    for (int i = 1; i < c.size(); i += 2) {
                        values.add(c.get(i).getText().trim());
                    }
                }));
                assertThat(values).hasSize(12).doesNotContain("").allSatisfy(v -> assertThat(v).doesNotContain("{{"));
                assertThat(values).contains(title, "示范市市场监督管理局");
            }
            assertThat(form.suggestedFilename()).isEqualTo(number + "-交办单.docx");
            assertThat(w.consoleErrors).isEmpty();
        }
    }
}
