package cn.yousu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Pages;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The supervision page and the inbox page over HTTP: what each user sees, the header badges, the forms. */
class SupervisionPagesTest extends ApiTest {

    @Autowired
    DeadlineWatch watch;

    @Test
    void overdueCaseIsListedForItsOfficeAndUnitAndTheUnitsInboxCountsItUntilRead() {
        clock.set("2026-07-01T09:00:00+08:00");
        String n = cases.inProgress().number();
        clock.set("2026-07-09T09:00:00+08:00");
        watch.pass();

        Pages office = Pages.signedIn(port, "office");
        Pages.Page board = office.get("/supervision").expect(200);
        assertThat(board.body()).contains(n).contains("红色预警（已超期）").contains("办理时限");
        assertThat(board.body()).contains("header-badge").contains("超期");
        Pages.Page unitBoard = Pages.signedIn(port, "scjg").get("/supervision").expect(200);
        assertThat(unitBoard.body()).contains(n);
        assertThat(Pages.signedIn(port, "sw").get("/supervision").expect(200).body()).doesNotContain(n);

        Pages unit = Pages.signedIn(port, "scjg");
        Pages.Page inbox = unit.get("/notifications?unread=true").expect(200);
        assertThat(inbox.body()).contains("红色预警：案件 " + n + " 办理时限已超期").contains("未读通知");
        long unreadBefore = unread(inbox.body());
        Matcher form = Pattern.compile("action=\"(/notifications/\\d+/read[^\"]*)\"")
                .matcher(inbox.body().substring(inbox.body().indexOf("红色预警：案件 " + n + " 办理时限已超期")));
        assertThat(form.find()).isTrue();
        unit.post(form.group(1).replace("&amp;", "&"), Map.of()).expectRedirect("/notifications?unread=true");
        assertThat(unread(unit.get("/notifications").expect(200).body())).isEqualTo(unreadBefore - 1);
    }

    @Test
    void supervisionRecordNamesTheUnitNotItsCode() {
        String n = cases.inProgress().number();
        cases.act("office", n, "supervise", Map.of("level", "REMINDER", "content", "请加快办理进度"));

        String body = Pages.signedIn(port, "office").get("/supervision").expect(200).body();
        String records = body.substring(body.indexOf("id=\"records\""));
        String row = records.substring(records.indexOf(n));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(">示范市市场监督管理局</td>").doesNotContain(">SF-SCJG<");
    }

    private static long unread(String body) {
        Matcher m = Pattern.compile("未读 (\\d+) 条").matcher(body);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void drawFormNamesABadMonth() {
        Pages office = Pages.signedIn(port, "office");
        Pages.Page page = office.post("/supervision/draws", Map.of("month", "十月")).expect(200);
        assertThat(page.body()).contains("月份格式应为 yyyy-MM");
    }
}
