package cn.yousu.reporting;

import cn.yousu.casework.Case;
import cn.yousu.casework.CaseSearch;
import cn.yousu.identity.Actor;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.shared.ApiProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * The work ledger (工作台账, Zaoyang attachment 4) of any filter of the case list as .xlsx, with the attachment's
 * columns in its order. Rows are read by keyset in batches and written through a streaming workbook that keeps only
 * a small window of rows in memory, so the size of the ledger does not matter to the heap.
 */
@Service
public class Ledger {

    /** Zaoyang attachment 4, in this order. */
    public static final List<String> COLUMNS = List.of("序号", "诉求编号", "诉求企业", "联系人及联系方式", "主要诉求",
            "办理单位", "联系人及联系方式", "办理情况", "督办情况", "移送纪检监察情况", "回访情况", "是否办结归档");
    static final int BATCH = 500;
    private static final int[] WIDTHS = {6, 18, 24, 22, 48, 28, 20, 48, 36, 30, 24, 16};
    /** Excel's limit for one cell. */
    private static final int CELL_MAX = 32_000;

    private final CaseSearch search;
    private final CaseTexts texts;

    Ledger(CaseSearch search, OrganizationDirectory directory, ZoneId applicationZone) {
        this.search = search;
        this.texts = new CaseTexts(directory, applicationZone);
    }

    /** 403 unless {@code actor} keeps a ledger (offices and governments). */
    public void checkAllowed(Actor actor) {
        if (!(actor.inOffice() || actor.inGovernment())) {
            throw ApiProblem.forbidden("只有营商办和政府领导可以导出工作台账");
        }
    }

    /** The number of rows the filter gives (400 naming each bad field of the filter). */
    public long count(Actor actor, CaseSearch.Filter filter) {
        checkAllowed(actor);
        CaseSearch.Page page = search.search(actor, withPaging(filter, "1", "true"));
        return page.total() == null ? 0 : page.total();
    }

    /** Writes the ledger of the filter to {@code out}; {@code progress} hears the rows written so far. */
    public long write(Actor actor, CaseSearch.Filter filter, OutputStream out, LongConsumer progress) {
        checkAllowed(actor);
        CaseSearch.Filter all = withPaging(filter, null, null);
        SXSSFWorkbook book = new SXSSFWorkbook(100);
        book.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = book.createSheet("工作台账");
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
                header.getCell(i).setCellStyle(head);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            long n = 0;
            Long before = null;
            while (true) {
                List<Case> batch = search.batch(actor, all, before, BATCH);
                for (Case c : batch) {
                    n++;
                    Row row = sheet.createRow((int) n);
                    String[] values = row(c);
                    row.createCell(0).setCellValue(n);
                    for (int i = 1; i < values.length; i++) {
                        var cell = row.createCell(i);
                        cell.setCellValue(cap(values[i]));
                        cell.setCellStyle(wrap);
                    }
                }
                progress.accept(n);
                if (batch.size() < BATCH) {
                    break;
                }
                before = batch.get(batch.size() - 1).id();
            }
            book.write(out);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger", e);
        } finally {
            book.dispose();
            try {
                book.close();
            } catch (IOException ignored) {
                // the temporary files are gone with dispose()
            }
        }
    }

    /** The cells of one case, in the order of {@link #COLUMNS} (the first, 序号, is the row number). */
    String[] row(Case c) {
        return new String[] {null, c.number(), texts.company(c), texts.contact(c), texts.mainRequest(c),
                texts.units(c), texts.unitContact(c.leadUnitCode()), texts.handling(c), texts.supervision(c),
                texts.referral(c), texts.visits(c), texts.closedAndArchived(c)};
    }

    private static String cap(String s) {
        return s == null ? "" : s.length() > CELL_MAX ? s.substring(0, CELL_MAX) + "…" : s;
    }

    private static CaseSearch.Filter withPaging(CaseSearch.Filter f, String size, String count) {
        return new CaseSearch.Filter(f.status(), f.regionCode(), f.unitCode(), f.categoryCode(), f.channel(),
                f.overdue(), f.from(), f.to(), f.q(), size, null, count, f.measure());
    }
}
