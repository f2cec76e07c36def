package cn.yousu.casework;

import cn.yousu.shared.Databases;
import cn.yousu.policy.Satisfaction;
import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.WriteBatch;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores cases: one row per case, its scope index (case_unit) and its append-only timeline (case_event). */
@Repository
class CaseRepository {

    static final String COLUMNS = """
            id, number, tracking_code_hash, kind, complexity, channel, external_ref, region_code, office_region_code,
            oversight_region_code, category_code, title, facts, request, complainant_type, complainant_name,
            company_name, credit_code, contact_name, phone, email, address, anonymous, agent_name, agent_phone,
            agent_poa, respondent_unit_code, respondent_name, respondent_person, registered_by, status, round,
            lead_unit_code, cooperating_unit_codes, registered_at, acceptance_due_at, decided_at, accepted_at,
            assigned_at, signed_at, due_at, first_reply_due_at, first_replied_at, result_submitted_at, visit_due_at,
            closed_at, ended_at, archived_at, escalated_at, finding, satisfaction, redo_count, extension_count,
            supervision_count, referral_count, details, version""";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final WriteBatch writes;

    CaseRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, WriteBatch writes) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.writes = writes;
    }

    Optional<Case> findByNumber(String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE number = ?").param(number)
                .query(this::map).optional();
    }

    /** The stored version of the case numbered {@code number}: one narrow read, to check a kept copy against. */
    Optional<Integer> versionOf(String number) {
        return jdbc.sql("SELECT version FROM case_file WHERE number = ?").param(number).query(Integer.class).optional();
    }

    Optional<Case> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE id = ?").param(id).query(this::map).optional();
    }

    /** The same complainant's recent cases, with just what duplicate screening compares. */
    List<CaseSummary> findByComplainantKey(String key, Instant since) {
        return jdbc.sql("""
                SELECT number, title, facts, request, status, registered_at, respondent_key FROM case_file
                WHERE complainant_key = ? AND registered_at >= ? ORDER BY id DESC FETCH FIRST 50 ROWS ONLY""")
                .params(key, ts(since))
                .query((rs, n) -> new CaseSummary(rs.getString("number"), rs.getString("title"), rs.getString("facts"),
                        rs.getString("request"), CaseStatus.valueOf(rs.getString("status")),
                        instant(rs, "registered_at"), rs.getString("respondent_key")))
                .list();
    }

    List<CaseService.ClosedCase> closedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT id, number, office_region_code FROM case_file
                WHERE status = 'CLOSED' AND closed_at >= ? AND closed_at < ? ORDER BY id""")
                .params(ts(from), ts(to))
                .query((rs, n) -> new CaseService.ClosedCase(rs.getLong("id"), rs.getString("number"),
                        rs.getString("office_region_code")))
                .list();
    }

    /** Cases matching a condition on {@code case_file c}, in {@code orderBy}, at most {@code limit} (work queues). */
    List<Case> findWhere(String where, List<Object> params, String orderBy, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_file c WHERE " + where + " ORDER BY " + orderBy
                + " FETCH FIRST " + limit + " ROWS ONLY").params(params).query(this::map).list();
    }

    /** The cases {@code ids}, locked (FOR UPDATE) in id order, so that jobs locking at once never deadlock. */
    List<Case> lock(java.util.Collection<Long> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE id IN ("
                + Databases.placeholders(ids.size()) + ") ORDER BY id FOR UPDATE")
                .params(List.copyOf(ids)).query(this::map).list();
    }

    /** Locks the rows of cases {@code ids} (FOR UPDATE) in id order, reading nothing else. */
    void lockRows(java.util.Collection<Long> ids) {
        jdbc.sql("SELECT id FROM case_file WHERE id IN (" + Databases.placeholders(ids.size())
                + ") ORDER BY id FOR UPDATE").params(List.copyOf(ids)).query(Long.class).list();
    }

    private static final String INSERT_OF = """
            INSERT INTO case_file (number, tracking_code_hash, kind, complexity, channel, external_ref, region_code,
                office_region_code, oversight_region_code, category_code, title, facts, request, complainant_type,
                complainant_name, company_name, credit_code, contact_name, phone, email, address, anonymous,
                agent_name, agent_phone, agent_poa, respondent_unit_code, respondent_name, respondent_person,
                complainant_key, respondent_key, registered_by, status, round, lead_unit_code,
                cooperating_unit_codes, registered_at, acceptance_due_at, decided_at, accepted_at, assigned_at,
                signed_at, due_at, first_reply_due_at, first_replied_at, result_submitted_at, visit_due_at,
                closed_at, ended_at, archived_at, escalated_at, finding, satisfaction, redo_count,
                extension_count, supervision_count, referral_count, details, version%s)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?%s)""";
    /** The new case's INSERT: with the id drawn beforehand, or for the id it generates. */
    private static final String INSERT_WITH_ID = INSERT_OF.formatted(", id", ", ?");
    private static final String INSERT = INSERT_OF.formatted("", "");

    /**
     * Writes the new case with its units and timeline. A case whose id was drawn beforehand (see
     * {@link cn.yousu.shared.NumberSequences#drawWithRowId}) goes with the unit of work's other rows, in its batch and
     * first; otherwise its INSERT runs at once, for its generated id.
     */
    void insert(Case c) {
        Object[] values = insertValues(c);
        if (c.id() != null) {
            Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
            withId[values.length] = c.id();
            writes.write(INSERT_WITH_ID, withId);
        } else {
            KeyHolder keys = new GeneratedKeyHolder();
            template.update(connection -> {
                PreparedStatement ps = connection.prepareStatement(INSERT, new String[] {"id"});
                WriteBatch.bind(ps, values, 0);
                return ps;
            }, keys);
            c.assignId(keys.getKey().longValue());
        }
        syncUnits(c);
        appendEvents(c);
    }

    private Object[] insertValues(Case c) {
        Complainant p = c.complainant();
        Agent a = c.agent();
        Respondent r = c.respondent();
        return new Object[] {c.number(), c.trackingCodeHash(), c.kind().name(), name(c.complexity()),
                c.channel().name(), c.externalRef(), c.regionCode(), c.officeRegionCode(), c.oversightRegionCode(),
                c.categoryCode(), c.title(), c.facts(), c.request(), p.type().name(), p.name(), p.companyName(),
                p.creditCode(), p.contactName(), p.phone(), p.email(), p.address(), p.anonymous(),
                a == null ? null : a.name(), a == null ? null : a.phone(),
                a == null ? null : a.powerOfAttorneyAttachmentId(), r == null ? null : r.unitCode(),
                r == null ? null : r.name(), r == null ? null : r.person(), CaseKeys.complainant(p),
                CaseKeys.respondent(r), c.registeredBy(), c.status().name(), c.round(), c.leadUnitCode(),
                String.join(",", c.cooperatingUnitCodes()), ts(c.registeredAt()), ts(c.acceptanceDueAt()),
                ts(c.decidedAt()), ts(c.acceptedAt()), ts(c.assignedAt()), ts(c.signedAt()), ts(c.dueAt()),
                ts(c.firstReplyDueAt()), ts(c.firstRepliedAt()), ts(c.resultSubmittedAt()), ts(c.visitDueAt()),
                ts(c.closedAt()), ts(c.endedAt()), ts(c.archivedAt()), ts(c.escalatedAt()), name(c.finding()),
                name(c.satisfaction()), c.redoCount(), c.extensionCount(), c.supervisionCount(),
                c.referralCount(), json.writeValueAsString(c.details()), c.version()};
    }

    /** Writes the changed case; a concurrent change since it was read answers 409 and changes nothing. */
    void update(Case c) {
        if (!tryUpdate(c)) {
            throw ApiProblem.concurrentChange();
        }
    }

    /** Writes the changed case unless it changed since it was read (then nothing is written): whether it wrote. */
    boolean tryUpdate(Case c) {
        Object[] state = state(c);
        Object[] values = Arrays.copyOf(state, state.length + 2);
        values[state.length] = c.id();
        values[state.length + 1] = c.version();
        int updated = template.update("""
                UPDATE case_file SET kind = ?, complexity = ?, region_code = ?, office_region_code = ?,
                    oversight_region_code = ?, category_code = ?, status = ?, round = ?, lead_unit_code = ?,
                    cooperating_unit_codes = ?, acceptance_due_at = ?, decided_at = ?, accepted_at = ?, assigned_at = ?,
                    signed_at = ?, due_at = ?, first_reply_due_at = ?, first_replied_at = ?, result_submitted_at = ?,
                    visit_due_at = ?, closed_at = ?, ended_at = ?, archived_at = ?, escalated_at = ?, finding = ?,
                    satisfaction = ?, redo_count = ?, extension_count = ?, supervision_count = ?, referral_count = ?,
                    details = ?, version = version + 1
                WHERE id = ? AND version = ?""", ps -> WriteBatch.bind(ps, values, 0));
        if (updated != 1) {
            return false;
        }
        c.bumpVersion();
        syncUnits(c);
        appendEvents(c);
        return true;
    }

    /**
     * True when the stored case holds the same state as {@code read} (every column an action writes, details
     * included): what changed it since it was read only added to its timeline and its version.
     */
    boolean storedStateEquals(Case read) {
        return findById(read.id()).map(stored -> Arrays.equals(state(stored), state(read))).orElse(false);
    }

    /** The values an action writes, in the order of the UPDATE's SET list. */
    private Object[] state(Case c) {
        return new Object[] {c.kind().name(), name(c.complexity()), c.regionCode(), c.officeRegionCode(),
            c.oversightRegionCode(), c.categoryCode(), c.status().name(), c.round(), c.leadUnitCode(),
            String.join(",", c.cooperatingUnitCodes()), ts(c.acceptanceDueAt()), ts(c.decidedAt()),
            ts(c.acceptedAt()), ts(c.assignedAt()), ts(c.signedAt()), ts(c.dueAt()), ts(c.firstReplyDueAt()),
            ts(c.firstRepliedAt()), ts(c.resultSubmittedAt()), ts(c.visitDueAt()), ts(c.closedAt()), ts(c.endedAt()),
            ts(c.archivedAt()), ts(c.escalatedAt()), name(c.finding()), name(c.satisfaction()), c.redoCount(),
            c.extensionCount(), c.supervisionCount(), c.referralCount(), json.writeValueAsString(c.details())};
    }

    List<TimelineEntry> timeline(long caseId) {
        return jdbc.sql("""
                SELECT at, actor, actor_name, org_code, org_name, action, from_status, to_status, comment, data, public_text
                FROM case_event WHERE case_id = ? ORDER BY id""")
                .param(caseId)
                .query((rs, n) -> new TimelineEntry(instant(rs, "at"), rs.getString("actor"), rs.getString("actor_name"),
                        rs.getString("org_code"), rs.getString("org_name"), rs.getString("action"),
                        status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("comment"),
                        rs.getString("data") == null ? Map.of() : json.readValue(rs.getString("data"), MAP),
                        rs.getString("public_text")))
                .list();
    }

    private void syncUnits(Case c) {
        if (!c.unitsChanged()) {
            return;
        }
        writes.write("DELETE FROM case_unit WHERE case_id = ?", c.id());
        List<Object[]> rows = new ArrayList<>();
        if (c.leadUnitCode() != null) {
            rows.add(new Object[] {c.id(), c.leadUnitCode(), "LEAD"});
        }
        c.cooperatingUnitCodes().forEach(u -> rows.add(new Object[] {c.id(), u, "COOPERATING"}));
        if (!rows.isEmpty()) {
            writes.writeRows("INSERT INTO case_unit (case_id, unit_code, role) VALUES (?, ?, ?)", rows);
        }
        c.unitsStored();
    }

    private void appendEvents(Case c) {
        List<TimelineEntry> events = c.drainNewEvents();
        if (events.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        for (TimelineEntry e : events) {
            rows.add(new Object[] {c.id(), ts(e.at()), e.actor(), e.actorName(), e.orgCode(), e.orgName(), e.action(),
                    name(e.fromStatus()), name(e.toStatus()), e.comment(),
                    e.data() == null || e.data().isEmpty() ? null : json.writeValueAsString(e.data()), e.publicText()});
        }
        // its nullable columns are all text, and a null is bound as text: a null of no stated type after a text in the
        // same place made the PostgreSQL driver prepare the statement again (a parse and a plan on the server)
        writes.writeRows("""
                INSERT INTO case_event (case_id, at, actor, actor_name, org_code, org_name, action, from_status, to_status,
                                        comment, data, public_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, Types.VARCHAR);
    }

    private Case map(ResultSet rs, int row) throws SQLException {
        Complainant complainant = new Complainant(ComplainantType.valueOf(rs.getString("complainant_type")),
                rs.getString("complainant_name"), rs.getString("company_name"), rs.getString("credit_code"),
                rs.getString("contact_name"), rs.getString("phone"), rs.getString("email"), rs.getString("address"),
                rs.getBoolean("anonymous"));
        Agent agent = rs.getString("agent_name") == null ? null
                : new Agent(rs.getString("agent_name"), rs.getString("agent_phone"), rs.getString("agent_poa"));
        Respondent respondent = rs.getString("respondent_unit_code") == null && rs.getString("respondent_name") == null
                ? null : new Respondent(rs.getString("respondent_unit_code"), rs.getString("respondent_name"),
                        rs.getString("respondent_person"));
        String coop = rs.getString("cooperating_unit_codes");
        return new Case(rs.getLong("id"), rs.getString("number"), rs.getString("tracking_code_hash"),
                CaseKind.valueOf(rs.getString("kind")), enumOf(Complexity.class, rs.getString("complexity")),
                Channel.valueOf(rs.getString("channel")), rs.getString("external_ref"), rs.getString("region_code"),
                rs.getString("office_region_code"), rs.getString("oversight_region_code"),
                rs.getString("category_code"), rs.getString("title"), rs.getString("facts"), rs.getString("request"),
                complainant, agent, respondent, rs.getString("registered_by"),
                CaseStatus.valueOf(rs.getString("status")), rs.getInt("round"), rs.getString("lead_unit_code"),
                coop == null || coop.isBlank() ? List.of() : Arrays.asList(coop.split(",")),
                instant(rs, "registered_at"), instant(rs, "acceptance_due_at"), instant(rs, "decided_at"),
                instant(rs, "accepted_at"), instant(rs, "assigned_at"), instant(rs, "signed_at"),
                instant(rs, "due_at"), instant(rs, "first_reply_due_at"), instant(rs, "first_replied_at"),
                instant(rs, "result_submitted_at"), instant(rs, "visit_due_at"), instant(rs, "closed_at"),
                instant(rs, "ended_at"), instant(rs, "archived_at"), instant(rs, "escalated_at"),
                enumOf(Finding.class, rs.getString("finding")), enumOf(Satisfaction.class, rs.getString("satisfaction")),
                rs.getInt("redo_count"), rs.getInt("extension_count"), rs.getInt("supervision_count"),
                rs.getInt("referral_count"), json.readValue(rs.getString("details"), CaseDetails.class),
                rs.getInt("version"));
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static CaseStatus status(String value) {
        return value == null ? null : CaseStatus.valueOf(value);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
