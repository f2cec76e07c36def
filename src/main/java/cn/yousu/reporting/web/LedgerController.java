package cn.yousu.reporting.web;

import cn.yousu.casework.CaseSearch;
import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.reporting.Ledger;
import cn.yousu.reporting.LedgerExports;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The ledger export: {@code GET /api/v1/ledger.xlsx} streams it at once (API); the page {@code /reports/ledger}
 * starts a background export of the case list's filter and shows its progress (htmx polling) until the file is
 * ready to download.
 */
@Controller
class LedgerController {

    private final Ledger ledger;
    private final LedgerExports exports;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    LedgerController(Ledger ledger, LedgerExports exports, java.time.Clock clock, java.time.ZoneId applicationZone) {
        this.ledger = ledger;
        this.exports = exports;
        this.clock = clock;
        this.zone = applicationZone;
    }

    @GetMapping("/reports/ledger")
    String page(LedgerQuery query, Model model, HttpServletRequest request) {
        Actor actor = CurrentActor.get();
        CaseSearch.Filter filter = query.filter();
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", query.status() == null ? List.of() : query.status());
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("columns", Ledger.COLUMNS);
        try {
            model.addAttribute("total", ledger.count(actor, filter));
            model.addAttribute("errors", FieldErrors.none());
        } catch (ApiProblem problem) {
            if (problem.status().value() == 403) {
                throw problem;
            }
            model.addAttribute("total", 0L);
            model.addAttribute("errors", FieldErrors.of(problem));
        }
        return "reporting/ledger";
    }

    @PostMapping("/reports/ledger/exports")
    String start(LedgerQuery query, Model model) {
        CaseSearch.Filter filter = query.filter();
        model.addAttribute("job", exports.start(CurrentActor.get(), filter));
        return "reporting/ledger :: progress";
    }

    @GetMapping("/reports/ledger/exports/{id}")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", exports.status(CurrentActor.get(), id));
        return "reporting/ledger :: progress";
    }

    @GetMapping("/reports/ledger/exports/{id}/file")
    ResponseEntity<FileSystemResource> file(@PathVariable String id) {
        Path file = exports.file(CurrentActor.get(), id);
        return ResponseEntity.ok().headers(Downloads.attachment(filename(), Downloads.XLSX))
                .body(new FileSystemResource(file));
    }

    String filename() {
        return "工作台账-" + LocalDate.now(clock.withZone(zone)) + ".xlsx";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

/** The case list's filter as the ledger takes it (query string or form fields). */
record LedgerQuery(List<String> status, String regionCode, String unitCode, String categoryCode, String channel,
        String overdue, String from, String to, String q, String measure) {

    CaseSearch.Filter filter() {
        String statuses = status == null ? null : String.join(",", status.stream().filter(s -> !s.isBlank()).toList());
        return new CaseSearch.Filter(LedgerController.blankToNull(statuses), LedgerController.blankToNull(regionCode),
                LedgerController.blankToNull(unitCode), LedgerController.blankToNull(categoryCode),
                LedgerController.blankToNull(channel), "true".equals(overdue) ? "true" : null,
                LedgerController.blankToNull(from), LedgerController.blankToNull(to), LedgerController.blankToNull(q),
                null, null, null, LedgerController.blankToNull(measure));
    }
}

/** The ledger for the API: streamed at once. */
@org.springframework.web.bind.annotation.RestController
class LedgerApi {

    private final Ledger ledger;
    private final LedgerController pages;

    LedgerApi(Ledger ledger, LedgerController pages) {
        this.ledger = ledger;
        this.pages = pages;
    }

    @GetMapping("/api/v1/ledger.xlsx")
    void download(LedgerQuery query, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        Actor actor = CurrentActor.get();
        CaseSearch.Filter filter = query.filter();
        ledger.count(actor, filter); // 400 and 403 before the download starts
        // written straight to the response as the rows are read (no async dispatch: the bearer chain is stateless)
        Downloads.attachment(pages.filename(), Downloads.XLSX)
                .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        ledger.write(actor, filter, response.getOutputStream(), n -> { });
    }

}
