package cn.yousu.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application under test, started as its own JVM from the packaged jar against a fresh PostgreSQL database on
 * 127.0.0.1:5432, with its used heap sampled by {@code jstat} while the load runs.
 */
final class BenchmarkApp implements AutoCloseable {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    final String database;
    final int port;
    final String maxHeap;
    private final Process process;
    private final Thread sampler;
    private final AtomicLong peakHeapKb = new AtomicLong();
    private final AtomicLong lastGcOldKb = new AtomicLong();
    /** Total garbage-collection pause time so far (jstat's GCT), in microseconds, and the number of full GCs. */
    private final AtomicLong gcMicros = new AtomicLong();
    private final AtomicLong fullGcs = new AtomicLong();
    private volatile boolean sampling = true;
    private volatile Process jstatProcess;

    private BenchmarkApp(String database, int port, String maxHeap, Process process) {
        this.database = database;
        this.port = port;
        this.maxHeap = maxHeap;
        this.process = process;
        this.sampler = Thread.ofPlatform().daemon().start(this::sampleHeap);
        Thread.ofPlatform().daemon().start(this::standInForAutovacuum);
    }

    /**
     * This machine's PostgreSQL is set up for CI with {@code autovacuum = off}, which no server runs with: its tables
     * would never be analysed or vacuumed, the planner would guess from no statistics (it took the outbox's status
     * index to scan 100,000 pending messages for a claim of 200 by id), and dead rows would pile up. When autovacuum is
     * off the benchmark does autovacuum's work with its default settings: once a minute (autovacuum_naptime), each
     * table whose dead rows exceed 50 + 20 % of its live rows, or whose inserts since the last vacuum exceed 1,000 +
     * 20 %, is vacuumed, and each whose changes since the last analysis exceed 50 + 10 % is analysed. Its CPU counts
     * as PostgreSQL's.
     */
    private void standInForAutovacuum() {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SHOW autovacuum")) {
                if (!rs.next() || "on".equals(rs.getString(1))) {
                    return;
                }
            }
            System.out.println("PostgreSQL runs with autovacuum = off here: the benchmark does its work, once a minute");
            while (sampling && process.isAlive()) {
                Thread.sleep(60_000);
                List<String> work = new ArrayList<>();
                try (var rs = s.executeQuery("""
                        SELECT relname,
                               n_dead_tup > 50 + 0.2 * n_live_tup OR n_ins_since_vacuum > 1000 + 0.2 * n_live_tup,
                               n_mod_since_analyze > 50 + 0.1 * n_live_tup
                        FROM pg_stat_user_tables""")) {
                    while (rs.next()) {
                        boolean vacuum = rs.getBoolean(2);
                        boolean analyze = rs.getBoolean(3);
                        if (vacuum || analyze) {
                            work.add((vacuum ? analyze ? "VACUUM (ANALYZE) " : "VACUUM " : "ANALYZE ")
                                    + rs.getString(1));
                        }
                    }
                }
                for (String statement : work) {
                    if (sampling && process.isAlive()) {
                        s.execute(statement);
                    }
                }
            }
        } catch (SQLException | InterruptedException e) {
            // the database went away with the application at the end of the run
        }
    }

    static BenchmarkApp start(String database, int port, String maxHeap, List<String> extraArgs) throws Exception {
        recreateDatabase(database);
        Path jar = findJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap,
                "-XX:+Use" + System.getProperty("bench.gc", "Parallel") + "GC"));
        if (Runtime.version().feature() >= 25 && !"false".equals(System.getProperty("bench.compactHeaders"))) {
            // as README recommends on JDK 25 or newer (-Dbench.compactHeaders=false compares without)
            command.add("-XX:+UseCompactObjectHeaders");
        }
        if (Boolean.getBoolean("bench.jfr")) {
            // -Dbench.jfr=true records a CPU profile of the application to target/benchmark.jfr
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
            command.add("-XX:StartFlightRecording=filename=" + Path.of("target", "benchmark.jfr").toAbsolutePath()
                    + ",settings=profile");
        }
        String jvm = System.getProperty("bench.jvmArgs", "");
        if (!jvm.isBlank()) {
            // -Dbench.jvmArgs="-XX:+UseCompactObjectHeaders ..." for experiments with the application's JVM
            command.addAll(List.of(jvm.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port, "--spring.profiles.active=demo",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres",
                "--yousu.attachments.directory=" + Files.createTempDirectory("yousu-bench"),
                "--yousu.auth.logins-per-minute-per-user=100000", "--yousu.auth.logins-per-minute-per-address=100000",
                "--yousu.public.submissions-per-hour=100000000", "--yousu.public.lookups-per-minute=100000000",
                "--logging.level.root=WARN"));
        command.addAll(extraArgs);
        String more = System.getProperty("bench.appArgs", "");
        if (!more.isBlank()) {
            // -Dbench.appArgs="--spring.threads.virtual.enabled=false ..." for experiments
            command.addAll(List.of(more.trim().split("\\s+")));
        }
        Path log = Files.createTempFile("yousu-bench-app", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BenchmarkApp app = new BenchmarkApp(database, port, maxHeap, process);
        app.awaitReady(log);
        return app;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** The largest used heap (young + old) seen by jstat, in MB. */
    double peakHeapMb() {
        return peakHeapKb.get() / 1024.0;
    }

    /** Old-generation occupancy at the last sample: what survives garbage collection, in MB. */
    double oldGenMb() {
        return lastGcOldKb.get() / 1024.0;
    }

    /** Garbage-collection pause time so far, in seconds (as of the last jstat sample, 200 ms old at most). */
    double gcSeconds() {
        return gcMicros.get() / 1e6;
    }

    long fullGcs() {
        return fullGcs.get();
    }

    /** CPU time the application process has used so far (user + system), in seconds; Linux only. */
    double cpuSeconds() {
        return cpuSeconds(process.pid());
    }

    /** CPU seconds so far of the application, of PostgreSQL and of the process {@code driver}, in that order. */
    double[] cpuSecondsWith(long driver) {
        return new double[] {cpuSeconds(), postgresCpuSeconds(), cpuSeconds(driver)};
    }

    /** CPU time of the application's JIT compiler threads so far, in seconds (Linux: its tasks named C1/C2 …). */
    double compilerCpuSeconds() {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            double sum = 0;
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.contains("CompilerThre")) {
                        sum += cpuSecondsOf(stat);
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
            return sum;
        } catch (IOException e) {
            return 0;
        }
    }

    /** CPU time of a process (user + system, children not included), in seconds; Linux only. */
    static double cpuSeconds(long pid) {
        try {
            return cpuSecondsOf(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of a {@code /proc/…/stat} line, in seconds (the kernel counts 100 ticks a second). */
    private static double cpuSecondsOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** CPU time of every PostgreSQL server process on the machine so far, in seconds (backends come and go). */
    static double postgresCpuSeconds() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .mapToDouble(p -> cpuSeconds(p.pid())).sum();
    }

    /**
     * Waits until the application's background work has caught up: no deadline clock due for the watch, no message due
     * in the outbox (twice in a row, half a second apart). Answers the seconds waited.
     */
    double settle(Duration timeout) throws Exception {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres"); Statement s = c.createStatement()) {
            int quiet = 0;
            while (quiet < 2) {
                if (System.nanoTime() - started > timeout.toNanos()) {
                    throw new IllegalStateException("background work still due after " + timeout);
                }
                Thread.sleep(500);
                try (var rs = s.executeQuery("""
                        SELECT (SELECT COUNT(*) FROM deadline_clock WHERE next_check_at <= CURRENT_TIMESTAMP)
                             + (SELECT COUNT(*) FROM notification_outbox
                                WHERE status = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP)""")) {
                    rs.next();
                    quiet = rs.getLong(1) == 0 ? quiet + 1 : 0;
                }
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    void resetPeak() {
        peakHeapKb.set(0);
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped; see " + log + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/policy"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    // the demo accounts are created right after start-up
                    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                                    URI.create(baseUrl() + "/api/v1/auth/token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"dc-scjg-head\",\"password\":\"demo1234\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (login.statusCode() == 200) {
                        return;
                    }
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not start within 3 minutes; see " + log);
    }

    /** One long-running {@code jstat -gc <pid> 200}: a line every 200 ms, without starting a JVM per sample. */
    private void sampleHeap() {
        String jstat = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
        try {
            Process p = new ProcessBuilder(jstat, "-gc", String.valueOf(process.pid()), "200").redirectErrorStream(true)
                    .start();
            jstatProcess = p;
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
                String[] header = null;
                String line;
                while (sampling && (line = reader.readLine()) != null) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 0 && fields[0].equals("S0C")) {
                        header = fields;
                        continue;
                    }
                    if (header == null) {
                        continue;
                    }
                    double used = 0;
                    for (int i = 0; i < header.length && i < fields.length; i++) {
                        if (List.of("S0U", "S1U", "EU", "OU").contains(header[i])) {
                            used += Double.parseDouble(fields[i]);
                        }
                        if (header[i].equals("GCT")) {
                            gcMicros.set((long) (Double.parseDouble(fields[i]) * 1e6));
                        }
                        if (header[i].equals("FGC")) {
                            fullGcs.set(Long.parseLong(fields[i]));
                        }
                        if (header[i].equals("OU")) {
                            lastGcOldKb.set((long) Double.parseDouble(fields[i]));
                        }
                    }
                    peakHeapKb.accumulateAndGet((long) used, Math::max);
                }
            }
        } catch (Exception e) {
            // the application stopped
        }
    }

    @Override
    public void close() throws Exception {
        sampling = false;
        if (jstatProcess != null) {
            jstatProcess.destroy();
        }
        process.destroy();
        process.waitFor();
        if (Boolean.getBoolean("bench.keep")) { // -Dbench.keep=true leaves the database for a look afterwards
            System.out.println("database kept: " + database);
            return;
        }
        dropDatabase(database);
    }

    static void dropDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    static void recreateDatabase(String database) throws SQLException {
        dropDatabase(database);
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    static Path findJar() {
        File[] jars = new File("target").listFiles((dir, name) -> name.startsWith("yousu-") && name.endsWith(".jar")
                && !name.endsWith("-plain.jar") && !name.contains("sources"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no application jar in target/: run with ./mvnw -Pbenchmark verify");
        }
        return jars[0].toPath().toAbsolutePath();
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + Runtime.version() + ", " + System.getProperty("os.name");
    }
}
