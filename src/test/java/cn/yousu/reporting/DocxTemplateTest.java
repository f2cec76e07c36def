package cn.yousu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

/** Filling a template that an office restyled in Word: placeholders split over runs, line breaks, unknown names. */
class DocxTemplateTest {

    @Test
    void aPlaceholderSplitOverRunsIsStillFilledAndKeepsTheFirstRunsStyle() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        XWPFParagraph p = doc.createParagraph();
        XWPFRun first = p.createRun();
        first.setBold(true);
        first.setText("编号：{{form");
        p.createRun().setText("Number}}，");
        p.createRun().setText("{{unknown}}");
        XWPFParagraph lines = doc.createParagraph();
        lines.createRun().setText("{{measures}}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);

        byte[] filled = DocxTemplate.fill(new ByteArrayInputStream(out.toByteArray()),
                Map.of("formNumber", "〔2026〕7号", "measures", "一、已办结\n二、已回访"));
        try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(filled))) {
            XWPFParagraph number = read.getParagraphs().get(0);
            assertThat(number.getText()).isEqualTo("编号：〔2026〕7号，{{unknown}}");
            assertThat(number.getRuns()).hasSize(1);
            assertThat(number.getRuns().get(0).isBold()).isTrue();
            assertThat(read.getParagraphs().get(1).getText()).isEqualTo("一、已办结\n二、已回访");
        }
    }
}
