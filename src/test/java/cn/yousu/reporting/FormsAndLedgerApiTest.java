package cn.yousu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import cn.yousu.support.Cases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The forms (.docx) and the ledger (.xlsx) read back with Apache POI: every field, every column, in order. */
class FormsAndLedgerApiTest extends ApiTest {

    @Test
    void theAssignmentFormCarriesEveryFieldAndKeepsItsNumber() throws IOException {
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        String title = "交办单测试 " + UUID.randomUUID();
        body.put("title", title);
        String number = cases.register("office", body).number();
        cases.accept(number, "GENERAL");
        api.as("office").get("/api/v1/cases/" + number + "/forms/assignment.docx").problem(409);
        cases.assign(number, "SF-SCJG", "SF-SW");

        Form form = form("office", number, "assignment");
        @SuppressWarnings("unchecked")
        Map<String, Object> complainant = (Map<String, Object>) body.get("complainant");
        assertThat(form.text()).doesNotContain("{{").contains("示范市营商环境投诉问题交办单", "受理单位（盖章）：示范市营商办",
                title, "请尽快办理变更登记并说明延误原因", complainant.get("companyName").toString(), "示范市人民路 8 号",
                complainant.get("phone").toString(), "示范市市场监督管理局", "国家税务总局示范市税务局", "2026年11月23日",
                "2026年11月30日", "请核实情况，依法依规办理并答复企业", number);
        assertThat(form.cell("联系人")).isEqualTo("张经理");
        assertThat(form.cell("办结时限")).isEqualTo("2026年11月30日");
        String formNumber = form.numberAfter("编号：");
        assertThat(formNumber).matches("〔2026〕\\d+号");
        // the same form keeps its number; the lead unit may print it too; another region's office cannot see it
        assertThat(form("scjg", number, "assignment").numberAfter("编号：")).isEqualTo(formNumber);
        api.as("dc-office").get("/api/v1/cases/" + number + "/forms/assignment.docx").problem(404);
        api.as("office").get("/api/v1/cases/" + number + "/forms/nothing.docx").problem(404);
        // a second case gets the next number of the office and year
        String next = cases.inProgress().number();
        int first = Integer.parseInt(formNumber.replaceAll("\\D", "").substring(4));
        int second = Integer.parseInt(form("office", next, "assignment").numberAfter("编号：").replaceAll("\\D", "")
                .substring(4));
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void handlingAndSupervisionFormsAndTheLedgerRow() throws IOException {
        Map<String, Object> body = Cases.complaint("SF", "SF-SCJG");
        String title = "台账测试 " + UUID.randomUUID();
        body.put("title", title);
        String number = cases.register("office", body).number();
        cases.accept(number, "GENERAL");
        cases.assign(number, "SF-SCJG");
        cases.act("scjg", number, "sign", Map.of());
        api.as("office").get("/api/v1/cases/" + number + "/forms/supervision.docx").problem(409);
        JsonNode supervised = cases.act("office", number, "supervise", Map.of("level", "NOTICE", "content", "办理进度滞后，请加快"));
        String notice = supervised.get("supervisions").get(0).get("number").asString();
        cases.submitResult(number, "2026-11-23");
        cases.act("office", number, "review", Map.of("approve", true));
        cases.act("office", number, "visit", Map.of("reached", true, "method", "电话", "satisfaction", "SATISFIED"));
        cases.act("office", number, "refer", Map.of("target", "示范市纪委监委", "reason", "窗口人员涉嫌推诿"));

        Form handling = form("scjg", number, "handling");
        assertThat(handling.text()).doesNotContain("{{").contains("示范市营商环境投诉问题承办单",
                "经查，反映事项属实（结论）", "经查，该企业变更申请材料齐全", "已于当日办结变更登记",
                "2026年11月23日，办理单位经办人向投诉人以电话方式进行了办理结果反馈，投诉人对办理结果表示☑满意 □不满意。",
                "陈经办（市市场监管局）", "黄局长（市市场监管局）签发", "营商环境热线", "张经理", title);
        assertThat(handling.numberAfter("编号：")).matches("〔2026〕第\\d+号");
        assertThat(handling.cell("不满意原因")).isEqualTo("无（投诉人表示满意）");

        Form supervision = form("office", number, "supervision");
        assertThat(supervision.text()).doesNotContain("{{").contains("示范市营商环境投诉问题督办单", "编号：" + notice,
                "示范市市场监督管理局：", "贵单位在办理编号 " + number + " 企业诉求问题时出现以下情况",
                "办理进度滞后，请加快", "请于5日内", "向示范市营商办反馈");

        byte[] xlsx = api.as("office").download("/api/v1/ledger.xlsx?q=" + cn.yousu.support.Api.q(title));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsExactly("序号", "诉求编号", "诉求企业", "联系人及联系方式", "主要诉求",
                    "办理单位", "联系人及联系方式", "办理情况", "督办情况", "移送纪检监察情况", "回访情况", "是否办结归档");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            List<String> row = cells(sheet.getRow(1));
            @SuppressWarnings("unchecked")
            Map<String, Object> complainant = (Map<String, Object>) body.get("complainant");
            assertThat(row.get(0)).isEqualTo("1");
            assertThat(row.get(1)).isEqualTo(number);
            assertThat(row.get(2)).isEqualTo(complainant.get("companyName"));
            assertThat(row.get(3)).isEqualTo("张经理 " + complainant.get("phone"));
            assertThat(row.get(4)).isEqualTo(title + "：请尽快办理变更登记并说明延误原因");
            assertThat(row.get(5)).isEqualTo("示范市市场监督管理局（牵头）");
            assertThat(row.get(6)).isEqualTo("陈科长 0999-12315");
            assertThat(row.get(7)).startsWith("已办结。核查结论：属实。办理结果：已于当日办结变更登记");
            assertThat(row.get(8)).isEqualTo("2026-11-23 督办单" + notice + "：办理进度滞后，请加快（待反馈）");
            assertThat(row.get(9)).isEqualTo("2026-11-23 移送示范市纪委监委：窗口人员涉嫌推诿");
            assertThat(row.get(10)).isEqualTo("2026-11-23 电话回访：满意");
            assertThat(row.get(11)).isEqualTo("已办结，未归档");
        }
    }

    @Test
    void theLedgerIsForOfficesAndNamesBadFilters() {
        api.as("scjg").get("/api/v1/ledger.xlsx").problem(403);
        assertThat(api.as("office").get("/api/v1/ledger.xlsx?from=x&channel=NOPE").problem(400).errorFields())
                .contains("from", "channel");
    }

    private Form form(String as, String number, String kind) throws IOException {
        byte[] bytes = api.as(as).download("/api/v1/cases/" + number + "/forms/" + kind + ".docx");
        return new Form(new XWPFDocument(new ByteArrayInputStream(bytes)));
    }

    private static List<String> cells(Row row) {
        DataFormatter f = new DataFormatter();
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(f.formatCellValue(c)));
        return out;
    }

    /** A filled form: its whole text, and the value cell next to a label cell. */
    record Form(XWPFDocument doc) {

        String text() {
            StringBuilder s = new StringBuilder();
            collect(doc.getBodyElements(), s);
            return s.toString();
        }

        String numberAfter(String label) {
            String t = text();
            int at = t.indexOf(label) + label.length();
            int end = t.indexOf('号', at);
            return t.substring(at, end + 1).trim();
        }

        String cell(String label) {
            for (XWPFTable t : doc.getTables()) {
                for (XWPFTableRow row : t.getRows()) {
                    List<XWPFTableCell> cells = row.getTableCells();
                    for (int i = 0; i + 1 < cells.size(); i++) {
                        if (cells.get(i).getText().trim().equals(label)) {
                            return cells.get(i + 1).getText().trim();
                        }
                    }
                }
            }
            throw new AssertionError("no cell " + label);
        }

        private static void collect(List<IBodyElement> elements, StringBuilder s) {
            for (IBodyElement e : elements) {
                if (e instanceof XWPFParagraph p) {
                    s.append(p.getText()).append('\n');
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            collect(cell.getBodyElements(), s);
                        }
                    }
                }
            }
        }
    }
}
