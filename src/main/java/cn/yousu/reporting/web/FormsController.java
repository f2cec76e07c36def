package cn.yousu.reporting.web;

import cn.yousu.identity.CurrentActor;
import cn.yousu.reporting.Forms;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The forms of a case as .docx, for the API ({@code /api/v1/cases/{number}/forms/{form}.docx}) and the pages
 * ({@code /cases/{number}/forms/{form}.docx}); {@code form} is {@code assignment} (交办单), {@code handling} (承办单)
 * or {@code supervision} (督办单).
 */
@RestController
class FormsController {

    private final Forms forms;

    FormsController(Forms forms) {
        this.forms = forms;
    }

    @GetMapping("/api/v1/cases/{number}/forms/{form}.docx")
    ResponseEntity<byte[]> form(@PathVariable String number, @PathVariable String form) {
        return download(forms, number, form);
    }

    static ResponseEntity<byte[]> download(Forms forms, String number, String form) {
        Forms.Document doc = forms.generate(number, Forms.Kind.of(form), CurrentActor.get());
        return ResponseEntity.ok().headers(Downloads.attachment(doc.filename(), Downloads.DOCX))
                .header("X-Form-Number", java.net.URLEncoder.encode(doc.formNumber(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .body(doc.content());
    }
}

/** The same forms for the pages (signed in by session; errors as pages). */
@Controller
class FormsPage {

    private final Forms forms;

    FormsPage(Forms forms) {
        this.forms = forms;
    }

    @GetMapping("/cases/{number}/forms/{form}.docx")
    ResponseEntity<byte[]> form(@PathVariable String number, @PathVariable String form) {
        return FormsController.download(forms, number, form);
    }
}
