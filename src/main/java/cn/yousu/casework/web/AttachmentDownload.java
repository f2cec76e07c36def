package cn.yousu.casework.web;

import cn.yousu.casework.Attachment;
import cn.yousu.casework.Attachments;
import cn.yousu.casework.Case;
import cn.yousu.shared.ApiProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Sends an attachment of a case the caller may see, for the API and the pages alike. */
final class AttachmentDownload {

    private AttachmentDownload() {
    }

    static ResponseEntity<InputStreamResource> of(Case c, String id, Attachments attachments) throws IOException {
        Attachment a = attachments.find(id).filter(x -> c.id().equals(x.caseId()))
                .orElseThrow(() -> ApiProblem.notFound("该案件没有这个附件"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.sizeBytes())
                .body(new InputStreamResource(attachments.open(a)));
    }
}
