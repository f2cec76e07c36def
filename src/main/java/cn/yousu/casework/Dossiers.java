package cn.yousu.casework;

import cn.yousu.identity.Actor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Archive dossiers (卷宗): the whole case, its timeline and the list of its documents with their SHA-256, written
 * once at archive time and never updated (Zaoyang 四(七), Dalian art. 9(8)).
 */
@Component
public class Dossiers {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CaseViews views;

    Dossiers(JdbcClient jdbc, JsonMapper json, CaseViews views) {
        this.jdbc = jdbc;
        this.json = json;
        this.views = views;
    }

    public record Sealed(String content, String sha256) {
    }

    public record Dossier(String number, java.time.Instant archivedAt, String classification, String content,
            String sha256) {
    }

    Sealed seal(Case c, List<TimelineEntry> timeline, String classification, CaseRules rules) {
        CaseView view = views.staff(c, Actor.system(), rules, timeline);
        String content = json.writeValueAsString(view);
        String hash = Attachments.sha256(content.getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                INSERT INTO case_dossier (case_id, number, archived_at, classification, content, sha256)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.number(), CaseRepository.ts(rules.now()), classification, content, hash)
                .update();
        return new Sealed(content, hash);
    }

    public Optional<Dossier> of(long caseId) {
        return jdbc.sql("SELECT number, archived_at, classification, content, sha256 FROM case_dossier WHERE case_id = ?")
                .param(caseId)
                .query((rs, n) -> new Dossier(rs.getString("number"), CaseRepository.instant(rs, "archived_at"),
                        rs.getString("classification"), rs.getString("content"), rs.getString("sha256")))
                .optional();
    }
}
