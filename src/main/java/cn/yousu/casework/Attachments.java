package cn.yousu.casework;

import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.Validation;
import cn.yousu.shared.WriteBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded evidence, powers of attorney and materials. Only the types offices actually exchange are taken
 * (PDF, images, Word, Excel, OFD, plain text), checked by their first bytes as well as their name, and no
 * larger than the configured limit.
 */
@Service
public class Attachments {

    /** Extension → the content type it is served with. */
    public static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ofd", "application/ofd"),
            Map.entry("txt", "text/plain"));

    private final JdbcClient jdbc;
    private final WriteBatch writes;
    private final AttachmentStorage storage;
    private final Clock clock;
    private final long maxBytes;

    Attachments(JdbcClient jdbc, WriteBatch writes, AttachmentStorage storage, Clock clock,
            @Value("${yousu.attachments.max-bytes:20971520}") long maxBytes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.storage = storage;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Checks and keeps an upload; it belongs to no case until a registration or material takes it. */
    @Transactional
    public Attachment upload(String filename, byte[] content, String uploadedBy) {
        String name = filename == null ? "" : filename.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Validation v = Validation.start();
        v.check(name.isEmpty(), "file", "文件名不能为空");
        v.check(name.length() > 255, "file", "文件名不能超过 255 个字符");
        v.check(content == null || content.length == 0, "file", "文件是空的");
        v.check(!TYPES.containsKey(extension), "file",
                "不支持的文件类型，请上传 PDF、JPG、PNG、Word、Excel、OFD 或 TXT 文件");
        v.throwIfInvalid();
        if (content.length > maxBytes) {
            throw ApiProblem.tooLarge("文件超过 " + (maxBytes / 1024 / 1024) + " MB 的大小限制");
        }
        if (!contentMatches(extension, content)) {
            throw ApiProblem.invalid("file", "文件内容与扩展名 ." + extension + " 不符");
        }
        String id = UUID.randomUUID().toString();
        var now = clock.instant();
        String key = now.atZone(clock.getZone()).getYear() + "/" + id;
        try {
            storage.put(key, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment", e);
        }
        jdbc.sql("""
                INSERT INTO attachment (id, case_id, filename, content_type, size_bytes, sha256, uploaded_at, uploaded_by)
                VALUES (?, NULL, ?, ?, ?, ?, ?, ?)""")
                .params(id, name, TYPES.get(extension), content.length, sha256(content), CaseRepository.ts(now),
                        uploadedBy)
                .update();
        return find(id).orElseThrow();
    }

    public Optional<Attachment> find(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, case_id, filename, content_type, size_bytes, sha256, uploaded_at, uploaded_by
                FROM attachment WHERE id = ?""").param(id)
                .query((rs, n) -> new Attachment(rs.getString("id"), (Long) rs.getObject("case_id", Long.class),
                        rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getString("sha256"), CaseRepository.instant(rs, "uploaded_at"), rs.getString("uploaded_by")))
                .optional();
    }

    public List<Attachment> ofCase(long caseId) {
        return jdbc.sql("""
                SELECT id, case_id, filename, content_type, size_bytes, sha256, uploaded_at, uploaded_by
                FROM attachment WHERE case_id = ? ORDER BY uploaded_at, id""").param(caseId)
                .query((rs, n) -> new Attachment(rs.getString("id"), caseId, rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        CaseRepository.instant(rs, "uploaded_at"), rs.getString("uploaded_by")))
                .list();
    }

    public InputStream open(Attachment attachment) throws IOException {
        return storage.get(attachment.uploadedAt().atZone(clock.getZone()).getYear() + "/" + attachment.id());
    }

    /** 400 naming {@code field[i]} for every id that is unknown or already belongs to a case. */
    void checkUnattached(List<String> ids, String field) {
        if (ids == null) {
            return;
        }
        Validation v = Validation.start();
        for (int i = 0; i < ids.size(); i++) {
            Optional<Attachment> a = find(ids.get(i));
            String at = ids.size() == 1 && field.contains(".") ? field : field + "[" + i + "]";
            v.check(a.isEmpty(), at, "附件不存在，请重新上传");
            v.check(a.isPresent() && a.get().caseId() != null, at, "附件已用于其他诉求");
        }
        v.throwIfInvalid();
    }

    /** Gives the uploads to a case; one that another case took in the meantime is refused (the caller rolls back). */
    void attach(List<String> ids, long caseId, String field) {
        // with the unit of work's other writes, after the new case's row they may refer to
        for (int i = 0; i < ids.size(); i++) {
            String at = field + "[" + i + "]";
            writes.write("UPDATE attachment SET case_id = ? WHERE id = ? AND case_id IS NULL",
                    new Object[] {caseId, ids.get(i)}, () -> {
                        throw ApiProblem.invalid(at, "附件已用于其他诉求");
                    });
        }
    }

    static boolean contentMatches(String extension, byte[] content) {
        return switch (extension) {
            case "pdf" -> startsWith(content, "%PDF".getBytes(StandardCharsets.US_ASCII));
            case "jpg", "jpeg" -> startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "png" -> startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            case "doc", "xls" -> startsWith(content, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
            case "docx", "xlsx", "ofd" -> startsWith(content, new byte[] {'P', 'K', 3, 4});
            case "txt" -> !containsNul(content);
            default -> false;
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    private static boolean containsNul(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
