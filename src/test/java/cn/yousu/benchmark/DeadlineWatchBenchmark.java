package cn.yousu.benchmark;

import cn.yousu.YousuApplication;
import cn.yousu.supervision.DeadlineWatch;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deadline watch over a million open cases on PostgreSQL ({@code -Dbenchmark=deadline-watch}): generates the cases
 * and their running clocks in a fresh database with {@code INSERT … SELECT generate_series} (see docs/benchmarks.md),
 * then times full watch passes of the application's own {@link DeadlineWatch}, started in this JVM on that database:
 * <ol>
 * <li>a warm-up pass over {@code bench.changing} clocks (default 1,000) that just reached their yellow threshold;</li>
 * <li>a pass in which another {@code bench.changing} clocks have just reached their yellow threshold: each is
 * claimed, recorded on its case's timeline and notified (inbox and e-mail outbox for unit and office);</li>
 * <li>a pass right after it, when nothing is due: the cost of looking at a million clocks.</li>
 * </ol>
 * Settings: {@code -Dbench.cases=1000000 -Dbench.changing=1000 -Dbench.keep=false} (keep leaves the database).
 */
final class DeadlineWatchBenchmark {

    static final String DATABASE = "yousu_bench_watch";

    private DeadlineWatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("bench.cases", 1_000_000);
        int changing = Integer.getInteger("bench.changing", 1_000);
        System.out.println("Yousu deadline-watch benchmark — " + BenchmarkApp.machine());
        System.out.println("load average before: " + loadAverage());
        BenchmarkApp.recreateDatabase(DATABASE);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(YousuApplication.class).profiles("demo");
        // the test classpath's initialisers (a test database, a test SMTP server) are not the application's
        SpringApplication application = builder.application();
        application.setInitializers(application.getInitializers().stream()
                .filter(i -> !i.getClass().getName().startsWith("cn.yousu.support.")).toList());
        ConfigurableApplicationContext app = builder.run(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE + "?user=postgres",
                "--yousu.jobs.enabled=false", "--server.port=0", "--logging.level.root=WARN",
                "--yousu.attachments.directory=" + Files.createTempDirectory("yousu-bench"));
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            DeadlineWatch watch = app.getBean(DeadlineWatch.class);
            long started = System.nanoTime();
            generate(jdbc, total, changing);
            System.out.printf("generated %,d open cases and their clocks in %.1f s%n", total,
                    (System.nanoTime() - started) / 1e9);
            System.out.println("open clocks: " + jdbc.queryForObject("SELECT COUNT(*) FROM deadline_clock", Long.class)
                    + ", due now: " + jdbc.queryForObject(
                            "SELECT COUNT(*) FROM deadline_clock WHERE next_check_at <= now()", Long.class));
            List<String> plan = jdbc.queryForList("""
                    EXPLAIN ANALYZE SELECT case_id, clock, case_number, due_at, yellow_at, colour, next_check_at
                    FROM deadline_clock WHERE next_check_at <= now() ORDER BY next_check_at FETCH FIRST 500 ROWS ONLY""",
                    String.class);
            System.out.println("the pass's query:");
            plan.forEach(l -> System.out.println("    " + l));

            // warm-up: the first `changing` clocks, so that the measured pass runs compiled code
            long t0 = System.nanoTime();
            DeadlineWatch.Pass warm = watch.pass();
            System.out.printf("warm-up pass (%,d clocks turn yellow): %.0f ms — %s%n", changing,
                    (System.nanoTime() - t0) / 1e6, warm);
            jdbc.update("UPDATE deadline_clock SET next_check_at = now() - interval '1 minute'"
                    + " WHERE next_check_at > now() + interval '5 years'");
            Map<Long, Double> backends = backendCpuSeconds(jdbc);
            long cpu1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            DeadlineWatch.Pass first = watch.pass();
            double firstMs = (System.nanoTime() - t1) / 1e6;
            double appCpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu1) / 1e6;
            double pgCpuMs = 1000 * backendCpuSeconds(jdbc).entrySet().stream()
                    .mapToDouble(e -> e.getValue() - backends.getOrDefault(e.getKey(), 0.0)).sum();
            int changes = Math.max(1, first.yellow() + first.red());
            System.out.printf("pass 1 (%,d clocks turn yellow): %.0f ms — %s; %.2f ms per change%n", changing, firstMs,
                    first, firstMs / changes);
            // CPU time depends less on what else runs on the machine than the wall time does
            System.out.printf("pass 1 CPU per change: %.2f ms in the application (the pass's thread), %.2f ms in"
                    + " PostgreSQL (this database's backends)%n", appCpuMs / changes, pgCpuMs / changes);
            long t2 = System.nanoTime();
            DeadlineWatch.Pass second = watch.pass();
            double secondMs = (System.nanoTime() - t2) / 1e6;
            System.out.printf("pass 2 (nothing due): %.1f ms — %s%n", secondMs, second);
            System.out.println("timeline entries written: " + jdbc.queryForObject(
                    "SELECT COUNT(*) FROM case_event WHERE action = 'warning-yellow'", Long.class)
                    + " (warm-up and pass 1)"
                    + ", outbox rows: " + jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox", Long.class)
                    + ", inbox rows: " + jdbc.queryForObject("SELECT COUNT(*) FROM notification_inbox", Long.class));
            System.out.println("load average after: " + loadAverage());
        } finally {
            app.close();
            if (!Boolean.getBoolean("bench.keep")) {
                BenchmarkApp.recreateDatabase(DATABASE);
            }
        }
    }

    /**
     * {@code total} cases in progress at 市市场监管局 with their handling clock; the first {@code changing} reached
     * their yellow threshold a moment ago, the others reach it one by one over the next weeks.
     */
    static void generate(JdbcTemplate jdbc, int total, int changing) {
        jdbc.update("""
                INSERT INTO case_file (number, tracking_code_hash, kind, complexity, channel, region_code,
                    office_region_code, category_code, title, facts, request, complainant_type, company_name,
                    contact_name, phone, anonymous, registered_by, status, round, lead_unit_code, cooperating_unit_codes,
                    registered_at, acceptance_due_at, accepted_at, assigned_at, signed_at, due_at, first_reply_due_at,
                    first_replied_at, redo_count, extension_count, supervision_count, referral_count, details, version)
                SELECT 'BW-' || g, 'x', 'COMPLAINT', 'GENERAL', 'HOTLINE', 'SF', 'SF', 'LICENSE_DELAY',
                    '营业执照变更登记迟迟不予办理（压测 ' || g || '）', '压测数据', '请尽快办理', 'ENTERPRISE',
                    '压测企业' || g, '张经理', '13900000000', FALSE, 'office', 'IN_PROGRESS', 1, 'SF-SCJG', '',
                    now() - interval '3 days', now() - interval '2 days', now() - interval '3 days',
                    now() - interval '3 days', now() - interval '3 days', d.due, now() + interval '2 days',
                    now() - interval '2 days', 0, 0, 0, 0, '{}', 0
                FROM generate_series(1, ?) g
                CROSS JOIN LATERAL (SELECT CASE WHEN g <= ? THEN now() + interval '20 hours'
                    ELSE now() + interval '1 day' + g * interval '2 seconds' END AS due) d""", total, 2 * changing);
        jdbc.update("""
                INSERT INTO case_unit (case_id, unit_code, role)
                SELECT id, 'SF-SCJG', 'LEAD' FROM case_file WHERE number LIKE 'BW-%'""");
        jdbc.update("""
                INSERT INTO deadline_clock (case_id, clock, case_number, due_at, yellow_at, colour, next_check_at)
                SELECT id, 'HANDLING', number, due_at, due_at - interval '1 day', 'NORMAL',
                    CASE WHEN id <= (SELECT MIN(id) FROM case_file WHERE number LIKE 'BW-%') + ? - 1
                             THEN now() - interval '1 minute'
                         WHEN due_at < now() + interval '1 day' THEN now() + interval '10 years'
                         ELSE due_at - interval '1 day' END
                FROM case_file WHERE number LIKE 'BW-%'""", changing);
        jdbc.execute("ANALYZE case_file");
        jdbc.execute("ANALYZE deadline_clock");
    }

    /** CPU seconds so far of each PostgreSQL backend connected to the benchmark's database, by process id. */
    static Map<Long, Double> backendCpuSeconds(JdbcTemplate jdbc) {
        Map<Long, Double> cpu = new HashMap<>();
        jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database()", Long.class)
                .forEach(pid -> cpu.put(pid, BenchmarkApp.cpuSeconds(pid)));
        return cpu;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
