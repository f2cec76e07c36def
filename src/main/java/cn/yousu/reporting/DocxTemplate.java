package cn.yousu.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Fills a Word template: every {@code {{name}}} in the body, tables (nested too), headers and footers is replaced
 * by its value; a value with line breaks becomes lines of the same paragraph. An office may restyle the template in
 * Word freely: when Word splits a placeholder over several runs, the paragraph's text is joined into its first run
 * (which keeps that run's font); a placeholder the template does not know is left as it is, so a missing value is seen.
 */
final class DocxTemplate {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");

    private DocxTemplate() {
    }

    static byte[] fill(InputStream template, Map<String, String> values) {
        try (XWPFDocument doc = new XWPFDocument(template); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fillBody(doc.getBodyElements(), values);
            for (XWPFHeader h : doc.getHeaderList()) {
                fillBody(h.getBodyElements(), values);
            }
            for (XWPFFooter f : doc.getFooterList()) {
                fillBody(f.getBodyElements(), values);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill the form template", e);
        }
    }

    private static void fillBody(List<IBodyElement> elements, Map<String, String> values) {
        for (IBodyElement e : elements) {
            if (e instanceof XWPFParagraph p) {
                fill(p, values);
            } else if (e instanceof XWPFTable t) {
                for (XWPFTableRow row : t.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        fillBody(cell.getBodyElements(), values);
                    }
                }
            }
        }
    }

    private static void fill(XWPFParagraph p, Map<String, String> values) {
        String text = p.getText();
        if (text == null || !text.contains("{{")) {
            return;
        }
        List<XWPFRun> runs = new ArrayList<>(p.getRuns());
        boolean allInOneRun = true;
        for (XWPFRun run : runs) {
            String t = run.text();
            int opens = count(t, "{{");
            if (opens != count(t, "}}")) {
                allInOneRun = false;
            }
        }
        if (allInOneRun) {
            for (XWPFRun run : runs) {
                String t = run.text();
                if (t.contains("{{")) {
                    set(run, replace(t, values));
                }
            }
            return;
        }
        // Word split a placeholder over runs: the paragraph's text goes into its first run
        set(runs.get(0), replace(text, values));
        for (int i = runs.size() - 1; i >= 1; i--) {
            p.removeRun(i);
        }
    }

    static String replace(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void set(XWPFRun run, String text) {
        String[] lines = text.split("\n", -1);
        // clear the run's text and breaks, then write the lines
        int texts = run.getCTR().sizeOfTArray();
        for (int i = texts - 1; i >= 0; i--) {
            run.getCTR().removeT(i);
        }
        for (int i = run.getCTR().sizeOfBrArray() - 1; i >= 0; i--) {
            run.getCTR().removeBr(i);
        }
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
