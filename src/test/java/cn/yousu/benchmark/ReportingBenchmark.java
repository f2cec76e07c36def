package cn.yousu.benchmark;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reporting at scale on PostgreSQL: generates {@code -Dbench.cases} (1,000,000) cases of the demo city over 2026 with
 * set-based SQL (case table, unit index and reporting's read model), then times the dashboard's indicators for the
 * city over the year ({@code GET /api/v1/stats/indicators}), the county ranking of a month, and a ledger export of
 * {@code -Dbench.ledgerRows} (200,000) rows with the application's peak heap under {@code -Dbench.heap} (512m).
 */
final class ReportingBenchmark {

    static final String DB = "yousu_bench_reporting";

    public static void main(String[] args) throws Exception {
        int cases = Integer.getInteger("bench.cases", 1_000_000);
        int ledgerRows = Integer.getInteger("bench.ledgerRows", 200_000);
        int runs = Integer.getInteger("bench.runs", 10);
        String heap = System.getProperty("bench.heap", "512m");
        System.out.println("Yousu reporting benchmark — " + BenchmarkApp.machine());
        System.out.println("load average before: " + loadAverage());
        try (BenchmarkApp app = BenchmarkApp.start(DB, 18082, heap, List.of())) {
            String url = "jdbc:postgresql://127.0.0.1:5432/" + DB + "?user=postgres";
            String office = ApiBenchmark.login(app.baseUrl(), "office");
            String leader = ApiBenchmark.login(app.baseUrl(), "leader");
            String closedDetails = closedCaseDetails();
            long t0 = System.nanoTime();
            try (Connection db = DriverManager.getConnection(url)) {
                generate(db, cases, closedDetails);
            }
            System.out.printf("generated %,d cases (case_file, case_unit, report_case, report_visit) in %.1f s%n", cases,
                    (System.nanoTime() - t0) / 1e9);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String indicators = app.baseUrl() + "/api/v1/stats/indicators?regionCode=SF&from=2026-01-01&to=2026-12-31";
            List<Double> times = time(http, indicators, leader, runs);
            String body = get(http, indicators, leader);
            System.out.printf("dashboard indicators, city over a year: median %.0f ms, min %.0f, max %.0f (%d runs after"
                    + " 3 warm-up)%n", median(times), Collections.min(times), Collections.max(times), runs);
            System.out.println("  " + body.substring(body.indexOf("\"indicators\""), Math.min(body.length(),
                    body.indexOf("\"indicators\"") + 260)) + "…");
            List<Double> ranking = time(http, app.baseUrl() + "/api/v1/stats/rankings?kind=county&month=2026-06",
                    leader, runs);
            System.out.printf("county ranking of a month: median %.0f ms, min %.0f, max %.0f%n", median(ranking),
                    Collections.min(ranking), Collections.max(ranking));

            // the ledger: a date range holding the requested number of rows
            String to;
            try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT to_char(registered_at AT TIME ZONE 'Asia/Shanghai', "
                            + "'YYYY-MM-DD') FROM case_file WHERE number LIKE 'BM-%' ORDER BY registered_at OFFSET "
                            + (ledgerRows - 1) + " LIMIT 1")) {
                rs.next();
                to = rs.getString(1);
            }
            String ledger = app.baseUrl() + "/api/v1/ledger.xlsx?from=2026-01-01&to=" + to;
            app.resetPeak();
            long l0 = System.nanoTime();
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(ledger))
                    .header("Authorization", "Bearer " + office).timeout(Duration.ofMinutes(30)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            var file = Files.createTempFile("ledger-bench", ".xlsx");
            long bytes;
            try (InputStream in = r.body()) {
                bytes = Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            double seconds = (System.nanoTime() - l0) / 1e9;
            long rows = countRows(file);
            System.out.printf("ledger export (from=2026-01-01&to=%s): HTTP %d, %,d rows, %.1f MB in %.1f s (%.0f rows/s),"
                    + " peak heap %.0f MB of -Xmx%s%n", to, r.statusCode(), rows, bytes / 1e6, seconds, rows / seconds,
                    app.peakHeapMb(), heap);
            Files.deleteIfExists(file);
        }
        System.out.println("load average after: " + loadAverage());
    }

    /** The details JSON of a real closed case (a result and a visit), to give generated closed cases realistic rows. */
    static String closedCaseDetails() {
        // a hand-written document in CaseDetails' JSON shape: one signed result and one satisfied visit
        return """
                {"attachmentIds":[],"results":[{"round":1,"finding":"TRUE","verification":"经查，企业反映的情况基本属实，窗口因系统切换未按时办理。",\
                "measures":"已督促窗口当日办结，并对相关人员批评教育，优化受理流程。","feedback":{"at":"2026-06-01","method":"电话",\
                "attitude":"SATISFIED"},"draftedAt":"2026-06-01T02:00:00Z","draftedBy":{"username":"scjg","name":"陈经办",\
                "orgCode":"SF-SCJG","orgName":"示范市市场监督管理局"},"signedAt":"2026-06-01T03:00:00Z","signedBy":{"username":\
                "scjg-head","name":"黄局长","orgCode":"SF-SCJG","orgName":"示范市市场监督管理局"}}],"visits":[{"round":1,\
                "reached":true,"method":"电话","satisfaction":"SATISFIED","at":"2026-06-03T02:00:00Z","by":{"username":"office",\
                "name":"王受理","orgCode":"SF-YSB","orgName":"示范市营商办"},"byComplainant":false}]}""";
    }

    static void generate(Connection db, int n, String closedDetails) throws Exception {
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("SET LOCAL synchronous_commit = off");
            String units = "ARRAY['SF-SCJG','SF-SW','SF-ZJ','SF-ZWFW','SF-ZRZY','SF-RS','SF-FGW']";
            String categories = "ARRAY['LICENSE_DELAY','ILLEGAL_FEES','POLICY_NOT_HONOURED','EXTORTION',"
                    + "'DESIGNATED_INTERMEDIARY','IMPROPER_INSPECTION','IMPROPER_SHUTDOWN','COMPETITION_RESTRICTED',"
                    + "'LICENSE_DELAY','ILLEGAL_FEES']";
            String channels = "ARRAY['PORTAL','QR_CODE','HOTLINE','EMAIL','LETTER','HOTLINE_12345','MAYOR_MAILBOX',"
                    + "'PUBLIC_OPINION_WEB','FOREIGN_INVESTMENT_HOTLINE','WINDOW','CADRE_LIAISON','FIELD_VISIT','HOTLINE',"
                    + "'HOTLINE_12345','PORTAL','HOTLINE']";
            String titles = "ARRAY['营业执照变更登记迟迟不予办理','施工许可审批超时未办结','涉企收费标准不公开','优惠政策补贴迟迟不兑现',"
                    + "'检查执法频次过高影响经营','被要求指定中介机构办理评估','工程款长期拖欠','不动产登记窗口推诿','社保补贴申请无人受理',"
                    + "'停水停电事先未通知']";
            s.execute("""
                    CREATE TEMP TABLE bm ON COMMIT DROP AS
                    SELECT g,
                      timestamptz '2026-01-01 08:00:00+08' + (g::double precision / %1$d * 334) * interval '1 day'
                        + (g %% 9) * interval '1 hour' AS reg,
                      CASE WHEN g %% 10 < 4 THEN 'SF' WHEN g %% 10 < 7 THEN 'SF-DC' ELSE 'SF-XC' END AS region,
                      g %% 20 AS s
                    FROM generate_series(1, %1$d) g""".formatted(n));
            s.execute("""
                    INSERT INTO case_file (number, tracking_code_hash, kind, complexity, channel, external_ref, region_code,
                      office_region_code, category_code, title, facts, request, complainant_type, complainant_name,
                      company_name, credit_code, contact_name, phone, address, anonymous, respondent_unit_code,
                      registered_by, status, round, lead_unit_code, registered_at, acceptance_due_at, decided_at,
                      accepted_at, assigned_at, signed_at, due_at, result_submitted_at, closed_at, ended_at, finding,
                      satisfaction, redo_count, extension_count, supervision_count, referral_count, details, version)
                    SELECT 'BM-2026-' || lpad(g::text, 7, '0'), 'bench', 'COMPLAINT', 'GENERAL',
                      (%3$s)[1 + (g * 3) %% 16], NULL, region, region, (%2$s)[1 + (g * 7) %% 10],
                      (%4$s)[1 + g %% 10] || '（' || g || '）',
                      '我公司于今年提交申请，材料齐全，窗口至今未办理，也未告知原因，多次电话询问均被推诿，影响企业正常经营。',
                      '请尽快依法办理并说明延误原因', 'ENTERPRISE', '联系人' || (g %% 1000), '示范科技有限公司' || g, NULL,
                      '联系人' || (g %% 1000), '139' || lpad((g %% 100000000)::text, 8, '0'), '示范市人民路 ' || (g %% 500) || ' 号',
                      FALSE, lead, 'office', st, 1, CASE WHEN st IN ('REGISTERED', 'REJECTED', 'ACCEPTED') THEN NULL ELSE lead END,
                      reg, reg + interval '1 day', dec, acc, asg, asg, asg + interval '7 day', res, clo,
                      CASE WHEN st IN ('REJECTED', 'CLOSED', 'TERMINATED') THEN COALESCE(clo, dec) END,
                      CASE WHEN res IS NOT NULL THEN 'TRUE' END, sat,
                      CASE WHEN g %% 17 = 0 THEN 1 ELSE 0 END, CASE WHEN g %% 13 = 0 THEN 1 ELSE 0 END,
                      CASE WHEN g %% 11 = 0 THEN 1 ELSE 0 END, CASE WHEN g %% 97 = 0 THEN 1 ELSE 0 END,
                      CASE WHEN st = 'CLOSED' THEN '%5$s' ELSE '{}' END, 0
                    FROM (
                      SELECT g, reg, region,
                        CASE WHEN region = 'SF' THEN (%1$s)[1 + g %% 7] WHEN region = 'SF-DC'
                          THEN (ARRAY['SF-DC-SCJG', 'SF-DC-ZJ'])[1 + g %% 2] ELSE 'SF-XC-SCJG' END AS lead,
                        st, dec, acc, acc + interval '2 hour' AS asg,
                        CASE WHEN st IN ('VISITING', 'CLOSED') THEN acc + (g %% 9) * interval '1 day' END AS res,
                        CASE WHEN st = 'CLOSED' THEN acc + (g %% 9 + 2) * interval '1 day' END AS clo,
                        CASE WHEN st = 'CLOSED' THEN (ARRAY['DISSATISFIED', 'BASICALLY_SATISFIED', 'SATISFIED', 'SATISFIED',
                          'SATISFIED', 'SATISFIED', 'VERY_SATISFIED', 'VERY_SATISFIED', 'VERY_SATISFIED',
                          'VERY_SATISFIED'])[1 + g %% 10] END AS sat
                      FROM (
                        SELECT g, reg, region,
                          CASE WHEN s = 0 THEN 'REGISTERED' WHEN s = 1 THEN 'REJECTED' WHEN s = 2 THEN 'ACCEPTED'
                            WHEN s < 5 THEN 'IN_PROGRESS' WHEN s = 5 THEN 'VISITING' WHEN s = 19 THEN 'TERMINATED'
                            ELSE 'CLOSED' END AS st,
                          CASE WHEN s > 0 THEN reg + (g %% 3) * interval '14 hour' END AS dec,
                          CASE WHEN s > 1 THEN reg + (g %% 3) * interval '14 hour' END AS acc
                        FROM bm) a) b""".formatted(units, categories, channels, titles,
                    closedDetails.replace("'", "''").replace("%", "%%")));
            s.execute("INSERT INTO case_unit (case_id, unit_code, role) SELECT id, lead_unit_code, 'LEAD' FROM case_file"
                    + " WHERE lead_unit_code IS NOT NULL AND number LIKE 'BM-%'");
            String month = "to_char(%s AT TIME ZONE 'Asia/Shanghai', 'YYYYMM')::int";
            s.execute("""
                    INSERT INTO report_case (case_id, region_code, lead_unit_code, category_code, channel, status,
                      registered_at, acceptance_due_at, decided_at, accepted_at, due_at, result_submitted_at, closed_at,
                      last_at, registered_month, accepted_month, due_month, closed_month, satisfaction, redo_count,
                      extension_count, supervision_count, referral_count, respondent)
                    SELECT id, region_code, lead_unit_code, category_code, channel, status, registered_at,
                      acceptance_due_at, decided_at, accepted_at, due_at, result_submitted_at, closed_at,
                      GREATEST(registered_at, decided_at, accepted_at, due_at, result_submitted_at, closed_at),
                      %1$s, %2$s, %3$s, %4$s, satisfaction, redo_count, extension_count, supervision_count,
                      referral_count, COALESCE(respondent_unit_code, respondent_name)
                    FROM case_file WHERE number LIKE 'BM-%%'""".formatted(month.formatted("registered_at"),
                    month.formatted("accepted_at"), month.formatted("due_at"), month.formatted("closed_at")));
            s.execute("""
                    INSERT INTO report_visit (case_id, at, visit_month, satisfaction, satisfied)
                    SELECT id, closed_at, %s, satisfaction,
                      satisfaction IN ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED')
                    FROM case_file WHERE number LIKE 'BM-%%' AND satisfaction IS NOT NULL""".formatted(
                    month.formatted("closed_at")));
            // the monthly sums, rebuilt as the migration builds them from the read model
            s.execute("DELETE FROM report_month");
            for (String insert : monthlySums()) {
                s.execute(insert);
            }
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("VACUUM ANALYZE case_file");
            s.execute("VACUUM ANALYZE case_unit");
            s.execute("VACUUM ANALYZE report_case");
            s.execute("VACUUM ANALYZE report_visit");
            s.execute("VACUUM ANALYZE report_month");
        }
    }

    /** The INSERT statements of the migration that builds report_month from the read model. */
    static List<String> monthlySums() throws Exception {
        try (InputStream in = ReportingBenchmark.class.getResourceAsStream(
                "/db/migration/reporting/V202612020503__report_month.sql")) {
            String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.trim().startsWith("--")).collect(java.util.stream.Collectors.joining("\n"));
            return java.util.Arrays.stream(sql.split(";")).map(String::trim).filter(x -> x.startsWith("INSERT"))
                    .toList();
        }
    }

    static List<Double> time(HttpClient http, String url, String token, int runs) throws Exception {
        for (int i = 0; i < 3; i++) {
            get(http, url, token);
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            get(http, url, token);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return ms;
    }

    static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Bearer " + token).timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Rows of the first sheet, read by streaming so that the benchmark itself stays small. */
    static long countRows(java.nio.file.Path xlsx) throws Exception {
        try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(xlsx.toFile(),
                org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            var reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg);
            try (InputStream sheet = reader.getSheetsData().next()) {
                var xml = javax.xml.stream.XMLInputFactory.newInstance().createXMLStreamReader(sheet);
                long rows = 0;
                while (xml.hasNext()) {
                    if (xml.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                        rows++;
                    }
                }
                return rows - 1;
            }
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
