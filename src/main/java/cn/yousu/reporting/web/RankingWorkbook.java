package cn.yousu.reporting.web;

import cn.yousu.reporting.Rankings;
import cn.yousu.reporting.Statistics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The county ranking and the unit evaluation as one workbook: one sheet each, with the figures behind the score. */
final class RankingWorkbook {

    private RankingWorkbook() {
    }

    /** Both rankings of the month as a download. */
    static org.springframework.http.ResponseEntity<byte[]> download(Rankings rankings, cn.yousu.identity.Actor actor,
            String regionCode, java.time.YearMonth month) throws IOException {
        byte[] xlsx = write(rankings.counties(actor, regionCode, month), rankings.units(actor, regionCode, month));
        return org.springframework.http.ResponseEntity.ok()
                .headers(Downloads.attachment("排名评价-" + month + ".xlsx", Downloads.XLSX)).body(xlsx);
    }

    static byte[] write(Rankings.Ranking... rankings) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Rankings.Ranking r : rankings) {
                Sheet sheet = book.createSheet(r.kind().equals("county") ? "县区排名" : "单位评价");
                sheet.createRow(0).createCell(0).setCellValue(r.title());
                Row head = sheet.createRow(1);
                int col = 0;
                for (String h : new String[] {"名次", "名称", "综合得分", "本月登记"}) {
                    head.createCell(col++).setCellValue(h);
                }
                for (String label : r.indicatorLabels()) {
                    head.createCell(col++).setCellValue(label);
                }
                head.createCell(col).setCellValue("说明");
                int n = 2;
                for (Rankings.Entry e : r.entries()) {
                    Row row = sheet.createRow(n++);
                    col = 0;
                    if (e.rank() > 0) {
                        row.createCell(col).setCellValue(e.rank());
                    } else {
                        row.createCell(col).setCellValue("不参与排名");
                    }
                    row.createCell(++col).setCellValue(e.name());
                    if (e.score() != null) {
                        row.createCell(++col).setCellValue(e.score());
                    } else {
                        row.createCell(++col).setCellValue("—");
                    }
                    row.createCell(++col).setCellValue(e.registered());
                    for (Statistics.Figure f : e.figures()) {
                        row.createCell(++col).setCellValue(f.display() + (f.denominator() == null ? ""
                                : "（" + f.numerator() + "/" + f.denominator() + "）"));
                    }
                    row.createCell(++col).setCellValue(e.note() == null ? "" : e.note());
                }
                sheet.createRow(n + 1).createCell(0).setCellValue("计分规则：" + r.rules());
                for (int i = 0; i < 4 + r.indicatorLabels().size() + 1; i++) {
                    sheet.setColumnWidth(i, (i == 1 ? 30 : 16) * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
