package cn.yousu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import cn.yousu.support.Pages;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard, the ranking page, the case list behind a figure and the ledger export with its progress, over HTTP. */
class ReportingPagesTest extends ApiTest {

    @Test
    void theLeaderSeesIndicatorsRankingChartsAndHotTopics() {
        cases.inProgress();
        Pages leader = Pages.signedIn(port, "leader");
        Pages.Page page = leader.get("/reports").expect(200);
        assertThat(page.body()).contains("统计分析", "响应率 = 在受理时限内作出受理或不予受理决定的诉求 ÷ 期间登记的诉求",
                "data-indicator=\"onTimeRate\"", "县域营商环境投诉办理排名", "东城区", "西城区", "名次并列",
                "id=\"chart-trend\"", "data-chart=", "/dist/echarts.min.js", "/assets/reports.js",
                "热点问题", "measure=responseRate.den");
        assertThat(page.body()).doesNotContain("<script>");
        Pages.Page bad = leader.get("/reports?from=2026-11-30&to=2026-11-01").expect(200);
        assertThat(bad.body()).contains("结束日期不能早于开始日期");
        assertThat(leader.get("/webjars/echarts/dist/echarts.min.js").status()).isEqualTo(200);
        assertThat(leader.get("/assets/reports.js").status()).isEqualTo(200);

        Pages.Page ranking = leader.get("/reports/ranking").expect(200);
        assertThat(ranking.body()).contains("承办单位综合评价", "本月无诉求，不参与排名", "/reports/ranking.xlsx");
        assertThat(leader.get("/reports/ranking.xlsx?month=2026-11").header("Content-Type"))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void theCaseListShowsTheCasesBehindAFigure() {
        String n = cases.register().number();
        Pages office = Pages.signedIn(port, "office");
        Pages.Page list = office.get("/cases?measure=responseRate.den&from=2026-11-23&to=2026-11-23").expect(200);
        assertThat(list.body()).contains("统计口径", "响应率 · 分母：期间登记的诉求", n, "name=\"measure\"");
    }

    @Test
    void theOfficeExportsTheLedgerAndWatchesItsProgress() throws Exception {
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        String title = "页面导出 " + UUID.randomUUID();
        body.put("title", title);
        cases.register("office", body);
        Pages office = Pages.signedIn(port, "office");
        Pages.Page page = office.get("/reports/ledger?q=" + cn.yousu.support.Api.q(title)).expect(200);
        assertThat(page.body()).contains("导出工作台账", "id=\"ledger-total\">1<", "序号 | 诉求编号");
        Pages.Page started = office.htmxPost("/reports/ledger/exports", Map.of("q", title)).expect(200);
        Matcher id = Pattern.compile("/reports/ledger/exports/([0-9a-f-]{36})").matcher(started.body());
        assertThat(id.find()).isTrue();
        Pages.Page progress = started;
        for (int i = 0; i < 100 && !progress.body().contains("download-ledger"); i++) {
            Thread.sleep(100);
            progress = office.htmxGet("/reports/ledger/exports/" + id.group(1)).expect(200);
        }
        assertThat(progress.body()).contains("已导出 1 / 1 行", "下载工作台账");
        Pages.Page file = office.get("/reports/ledger/exports/" + id.group(1) + "/file").expect(200);
        assertThat(file.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        // someone else's export does not exist for them
        Pages.signedIn(port, "dc-office").htmxGet("/reports/ledger/exports/" + id.group(1)).expect(404);
        Pages.signedIn(port, "scjg").get("/reports/ledger").expect(403);
    }
}
