package cn.yousu.reporting;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * How the shipped form templates in {@code src/main/resources/reporting/forms} were first drawn, after Zaoyang's
 * attachments 1–3 (seed 003). An office restyles those .docx files in Word; this program is only run again to start
 * over: {@code java ... cn.yousu.reporting.FormTemplatesSource src/main/resources/reporting/forms}.
 */
public final class FormTemplatesSource {

    private static final String FONT = "仿宋";
    private static final java.util.Map<XWPFTable, Boolean> STARTED = new java.util.IdentityHashMap<>();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length == 0 ? "src/main/resources/reporting/forms" : args[0]);
        Files.createDirectories(dir);
        write(dir.resolve("assignment.docx"), assignment());
        write(dir.resolve("handling.docx"), handling());
        write(dir.resolve("supervision.docx"), supervision());
    }

    /** 附件1 交办单. */
    static XWPFDocument assignment() {
        XWPFDocument doc = new XWPFDocument();
        title(doc, "{{regionName}}营商环境投诉问题交办单");
        line(doc, "受理单位（盖章）：{{officeName}}　　　　编号：{{formNumber}}", ParagraphAlignment.LEFT);
        XWPFTable t = table(doc, 4);
        row(t, "交办事项", "{{title}}");
        row(t, "需要办理或协调解决事项", "{{request}}");
        row(t, "反映企业", "{{company}}");
        row(t, "企业地址", "{{address}}");
        row(t, "联系人", "{{contactName}}", "联系电话", "{{contactPhone}}");
        row(t, "牵头办理部门", "{{leadUnit}}", "交办日期", "{{assignedDate}}");
        row(t, "配合办理部门", "{{cooperatingUnits}}", "办结时限", "{{dueDate}}");
        row(t, "办理要求", "{{requirements}}");
        row(t, "备注", "{{remark}}");
        line(doc, "注：向承办单位下发本交办单时，同时附《营商环境投诉问题承办单》、诉求材料。", ParagraphAlignment.LEFT);
        return doc;
    }

    /** 附件2 承办单. */
    static XWPFDocument handling() {
        XWPFDocument doc = new XWPFDocument();
        title(doc, "{{regionName}}营商环境投诉问题承办单");
        line(doc, "承办单位：{{leadUnit}}　　　　编号：{{formNumber}}", ParagraphAlignment.LEFT);
        XWPFTable t = table(doc, 4);
        row(t, "时间", "{{registeredDate}}", "问题来源", "{{channel}}");
        row(t, "投诉人姓名", "{{complainantName}}", "联系电话", "{{contactPhone}}");
        row(t, "公司名称", "{{company}}");
        row(t, "投诉对象", "{{respondent}}");
        row(t, "诉求", "{{request}}");
        row(t, "办理单位", "{{leadUnit}}", "经办人", "{{handler}}");
        row(t, "办理单位联系电话", "{{unitPhone}}");
        row(t, "反映问题摘要", "{{title}}\n{{facts}}");
        row(t, "转办意见", "{{requirements}}");
        row(t, "办理情况（核查情况）", "经查，{{findingText}}（结论）。具体情况如下。\n一、核查情况\n{{verification}}");
        row(t, "办理情况（办理结果）", "二、办理情况\n{{measures}}");
        row(t, "反馈情况", "{{feedback}}");
        row(t, "不满意原因", "{{dissatisfactionReason}}");
        row(t, "下一步计划", "{{nextSteps}}");
        row(t, "单位签章", "{{signedBy}}（签章）\n{{signedDate}}");
        return doc;
    }

    /** 附件3 督办单. */
    static XWPFDocument supervision() {
        XWPFDocument doc = new XWPFDocument();
        title(doc, "{{regionName}}营商环境投诉问题督办单");
        line(doc, "编号：{{formNumber}}", ParagraphAlignment.RIGHT);
        line(doc, "{{unit}}：", ParagraphAlignment.LEFT);
        line(doc, "　　贵单位在办理编号 {{caseNumber}} 企业诉求问题时出现以下情况：", ParagraphAlignment.LEFT);
        line(doc, "　　{{content}}", ParagraphAlignment.LEFT);
        line(doc, "　　根据《{{policyName}}》规定，现予以提醒并进行督办，请于{{replyLimit}}内（{{replyDue}}前）将办理结果向{{officeName}}反馈。",
                ParagraphAlignment.LEFT);
        line(doc, "{{officeName}}", ParagraphAlignment.RIGHT);
        line(doc, "{{issuedDate}}", ParagraphAlignment.RIGHT);
        return doc;
    }

    private static void title(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = p.createRun();
        r.setBold(true);
        r.setFontFamily("方正小标宋简体");
        r.setFontSize(18);
        r.setText(text);
    }

    private static void line(XWPFDocument doc, String text, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(14);
        r.setText(text);
    }

    private static XWPFTable table(XWPFDocument doc, int columns) {
        XWPFTable t = doc.createTable();
        STARTED.put(t, false);
        t.setTableAlignment(TableRowAlign.CENTER);
        t.setWidth("100%");
        return t;
    }

    /** A row of label/value pairs; a single pair spans the row. */
    private static void row(XWPFTable t, String... cells) {
        XWPFTableRow row = STARTED.put(t, true) ? t.createRow() : t.getRow(0);
        while (row.getTableCells().size() < cells.length) {
            row.addNewTableCell();
        }
        while (row.getTableCells().size() > cells.length) {
            row.removeCell(row.getTableCells().size() - 1);
        }
        for (int i = 0; i < cells.length; i++) {
            XWPFTableCell cell = row.getCell(i);
            XWPFParagraph p = cell.getParagraphs().get(0);
            XWPFRun r = p.createRun();
            r.setFontFamily(FONT);
            r.setFontSize(12);
            r.setBold(i % 2 == 0);
            String[] lines = cells[i].split("\n");
            for (int l = 0; l < lines.length; l++) {
                if (l > 0) {
                    r.addBreak();
                }
                r.setText(lines[l]);
            }
            if (cells.length == 2 && i == 1) {
                cell.getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(3));
            }
        }
    }

    private static void write(Path path, XWPFDocument doc) throws Exception {
        try (OutputStream out = Files.newOutputStream(path); doc) {
            doc.write(out);
        }
    }
}
