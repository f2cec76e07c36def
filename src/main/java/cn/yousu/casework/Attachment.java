package cn.yousu.casework;

import java.time.Instant;

/** An uploaded file: what it is and where it belongs; the bytes live in the attachment storage. */
public record Attachment(String id, Long caseId, String filename, String contentType, long sizeBytes, String sha256,
        Instant uploadedAt, String uploadedBy) {
}
