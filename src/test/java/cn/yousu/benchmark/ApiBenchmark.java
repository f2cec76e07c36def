package cn.yousu.benchmark;

import cn.yousu.support.Cases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the HTTP API with concurrent clients (platform threads, {@link #driverThreads()}) against PostgreSQL:
 * registrations per second, complete lifecycles per second (register → accept → assign → sign → draft → sign off →
 * review → visit → closed), p50 and p99 of every request, and the application's heap. Settings:
 * {@code -Dbench.clients} (32), {@code -Dbench.seconds} (20), {@code -Dbench.warmup} (30, of whole lifecycles),
 * {@code -Dbench.heap} (512m), {@code -Dbench.phases} (registrations,lifecycles,floor), {@code -Dbench.pgbench} (true:
 * the machine's {@link PgbenchReference} first), {@code -Dbench.driverThreads} (platform).
 */
final class ApiBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The demo city's time zone: a result is dated by the city's calendar (a UTC date lags it after 16:00 UTC). */
    static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");

    private final int port;
    private final Map<String, String> tokens;

    ApiBenchmark(int port, Map<String, String> tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 32);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 30);
        String heap = System.getProperty("bench.heap", "512m");
        System.out.println("Yousu API benchmark — " + BenchmarkApp.machine());
        System.out.println("clients " + clients + ", " + seconds + " s per phase after " + warmup + " s warm-up, heap -Xmx"
                + heap + ", PostgreSQL 127.0.0.1:5432");
        // before the application starts, so that nothing else runs beside it
        PgbenchReference.measure().ifPresent(f -> System.out.println(PgbenchReference.describe(f)));
        // the e-mails the lifecycles cause are really sent over SMTP, to a server in this process that drops them
        try (SmtpSink smtp = new SmtpSink(); BenchmarkApp app = BenchmarkApp.start("yousu_bench_api", 18080, heap,
                List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port()))) {
            Map<String, String> tokens = Map.of("office", login(app.baseUrl(), "office"),
                    "scjg", login(app.baseUrl(), "scjg"), "scjg-head", login(app.baseUrl(), "scjg-head"));
            ApiBenchmark bench = new ApiBenchmark(app.port, tokens);
            // warm-up through whole lifecycles, so that the JIT has compiled every action's path before any phase is
            // measured (on two cores the C2 compiler otherwise takes as much CPU as the requests for a minute)
            bench.run(clients, warmup, Phase.LIFECYCLES, null);
            System.out.printf("warm-up: %d s of lifecycles, then each phase's own work until the JIT compilers took"
                    + " under %.0f %% of the CPU twice in a row%n", warmup, SETTLED_COMPILER_SHARE * 100);
            long self = ProcessHandle.current().pid(); // the driver
            List<String> lines = new ArrayList<>();
            for (Phase phase : phases()) {
                // each phase's own work first, until the JIT has settled on it too: registrations alone (and the
                // watch's warnings they cause) take paths the lifecycles barely did, and C2 compiled them inside the
                // measured phase (12–20 % of the application's CPU there); then the background work of that warm-up
                int more = bench.untilSettled(app, clients, phase);
                app.settle(SETTLE_TIMEOUT);
                System.out.printf("warm-up of the %s phase: %d s%n", phase.label, more);
                // each phase starts with the background work of the one before done, and is followed by its own:
                // the deadline watch's warnings for the cases it registered (and their e-mails) run after it, and are
                // measured as its deferred work
                app.resetPeak();
                double[] cpu0 = app.cpuSecondsWith(self);
                double jit0 = app.compilerCpuSeconds();
                double gc0 = app.gcSeconds();
                long full0 = app.fullGcs();
                Result r = bench.run(clients, phase == Phase.FLOOR ? Math.max(5, seconds / 2) : seconds, phase,
                        phase.label);
                double peak = app.peakHeapMb();
                double[] cpu1 = app.cpuSecondsWith(self);
                double jit = (app.compilerCpuSeconds() - jit0) / Math.max(0.01, cpu1[0] - cpu0[0]);
                Thread.sleep(250); // one more jstat sample
                String gc = String.format("   GC %.2f s, %d full; JIT %.0f %% of app CPU", app.gcSeconds() - gc0,
                        app.fullGcs() - full0, jit * 100);
                double waited = app.settle(SETTLE_TIMEOUT);
                double[] cpu2 = app.cpuSecondsWith(self);
                lines.add(r.line(peak, cpu0, cpu1, cpu2, waited) + gc);
            }
            System.out.println();
            System.out.printf("%-14s %7s %10s %7s %7s %6s %28s %9s   %s%n", "phase", "ops/s", "requests/s", "p50 ms",
                    "p99 ms", "errors", "CPU ms/request: app  pg  driver", "heap MB",
                    "deferred after the phase: s, CPU ms/op app pg   GC pauses and JIT in the phase");
            lines.forEach(System.out::println);
            System.out.printf("old generation after the run: %.0f MB (of -Xmx%s)%n", app.oldGenMb(), heap);
            System.out.printf("e-mails delivered to the benchmark's SMTP server: %,d%n", smtp.accepted());
        }
    }

    /**
     * Runs {@code phase}'s work 5 s at a time until the JIT compilers took under {@link #SETTLED_COMPILER_SHARE} of
     * the application's CPU twice in a row (at most {@link #MAX_EXTRA_WARMUP} s): on two cores C2 keeps compiling for a
     * minute or more, and what it spends inside a phase is a one-time cost of a fresh JVM, not the cost of a request.
     * Answers the seconds it ran.
     */
    int untilSettled(BenchmarkApp app, int clients, Phase phase) throws Exception {
        int ran = 0;
        int settled = 0; // slices in a row under the share
        while (ran < MAX_EXTRA_WARMUP && settled < 2) {
            double c0 = app.compilerCpuSeconds();
            double a0 = app.cpuSeconds();
            run(clients, 5, phase, null);
            ran += 5;
            double share = (app.compilerCpuSeconds() - c0) / Math.max(0.01, app.cpuSeconds() - a0);
            settled = share < SETTLED_COMPILER_SHARE ? settled + 1 : 0;
        }
        return ran;
    }

    /** {@code -Dbench.phases=lifecycles,floor} measures only those (all three by default). */
    static List<Phase> phases() {
        String names = System.getProperty("bench.phases", "");
        return names.isBlank() ? List.of(Phase.values())
                : java.util.Arrays.stream(names.split(",")).map(n -> Phase.valueOf(n.trim().toUpperCase())).toList();
    }

    /** A phase's own warm-up goes on at most this many seconds while the JIT still compiles. */
    static final int MAX_EXTRA_WARMUP = 120;
    static final double SETTLED_COMPILER_SHARE = 0.05;

    static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

    record Result(String name, long operations, long requests, long errors, double seconds, Histogram latency) {
        String line(double heapMb, double[] cpuBefore, double[] cpuAfter, double[] cpuSettled, double waited) {
            return String.format("%-14s %7.0f %10.0f %7.1f %7.1f %6d %22.2f %4.2f %6.2f %9.0f   %5.1f %7.2f %4.2f", name,
                    operations / seconds, requests / seconds, latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, errors, per(cpuBefore, cpuAfter, 0, requests),
                    per(cpuBefore, cpuAfter, 1, requests), per(cpuBefore, cpuAfter, 2, requests), heapMb, waited,
                    per(cpuAfter, cpuSettled, 0, operations), per(cpuAfter, cpuSettled, 1, operations));
        }

        private static double per(double[] before, double[] after, int i, long count) {
            return (after[i] - before[i]) * 1000 / Math.max(1, count);
        }
    }

    enum Phase {
        REGISTRATIONS("registrations"), LIFECYCLES("lifecycles"),
        /** An authenticated GET that reads no table (token, filters, MVC, JSON): what the stack itself costs. */
        FLOOR("floor (GET)");

        final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    Result run(int clients, int seconds, Phase phase, String name) throws Exception {
        ConcurrentHistogram latency = new ConcurrentHistogram(60_000_000L, 3);
        AtomicLong operations = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(driverThreads())) {
            for (int i = 0; i < clients; i++) {
                pool.submit(() -> {
                    try (LeanHttp http = new LeanHttp("localhost", port)) {
                        while (System.nanoTime() < end) {
                            try {
                                switch (phase) {
                                    case REGISTRATIONS -> register(http, latency, requests);
                                    case LIFECYCLES -> lifecycle(http, latency, requests);
                                    case FLOOR -> call(http, "office", "GET",
                                            "/api/v1/calendar/deadline?start=2026-09-30T10:00:00%2B08:00&workingDays=5",
                                            null, 200, latency, requests);
                                }
                                operations.incrementAndGet();
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                if (errors.get() <= 3) {
                                    System.err.println("error: " + e.getMessage());
                                }
                            }
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new Result(name == null ? "warm-up" : name, operations.get(), requests.get(), errors.get(), elapsed,
                latency);
    }

    /**
     * The simulated clients' threads, and the mail sink's: platform threads, {@code -Dbench.driverThreads=virtual}
     * compares. A client blocks on its socket between requests; a platform thread is woken by the kernel directly, a
     * virtual one through the JDK's poller and a carrier, which cost the driver about 30 % more CPU per request.
     */
    static java.util.concurrent.ThreadFactory driverThreads() {
        return "virtual".equals(System.getProperty("bench.driverThreads", "platform")) ? Thread.ofVirtual().factory()
                : Thread.ofPlatform().daemon().factory();
    }

    String register(LeanHttp http, ConcurrentHistogram latency, AtomicLong requests) throws Exception {
        String c = call(http, "office", "POST", "/api/v1/cases", Cases.complaint("SF", "SF-SCJG"), 201, latency, requests);
        int at = c.indexOf("\"number\":\"") + 10;
        return c.substring(at, c.indexOf('"', at));
    }

    void lifecycle(LeanHttp http, ConcurrentHistogram latency, AtomicLong requests) throws Exception {
        String n = register(http, latency, requests);
        String path = "/api/v1/cases/" + n + "/";
        call(http, "office", "POST", path + "accept",
                Map.of("kind", "COMPLAINT", "complexity", "GENERAL", "categoryCode", "LICENSE_DELAY"), 200, latency,
                requests);
        call(http, "office", "POST", path + "assign", Map.of("leadUnitCode", "SF-SCJG"), 200, latency, requests);
        call(http, "scjg", "POST", path + "sign", Map.of(), 200, latency, requests);
        call(http, "scjg", "POST", path + "draft-result", Cases.result(LocalDate.now(SHANGHAI).toString()), 200,
                latency, requests);
        call(http, "scjg-head", "POST", path + "sign-off", Map.of("comment", "同意"), 200, latency, requests);
        call(http, "office", "POST", path + "review", Map.of("approve", true), 200, latency, requests);
        String closed = call(http, "office", "POST", path + "visit",
                Map.of("reached", true, "method", "电话", "satisfaction", "SATISFIED"), 200, latency, requests);
        if (!closed.contains("\"status\":\"CLOSED\"")) {
            throw new IllegalStateException(n + " is not closed");
        }
    }

    /** One request, timed; answers the body (the driver reads only what it needs, to stay light on CPU). */
    String call(LeanHttp http, String user, String method, String path, Object body, int expected,
            ConcurrentHistogram latency, AtomicLong requests) throws Exception {
        byte[] bytes = body == null ? null : JSON.writeValueAsBytes(body);
        long t0 = System.nanoTime();
        LeanHttp.Response r = http.send(method, path, tokens.get(user), bytes);
        latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
        requests.incrementAndGet();
        if (r.status() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + r.status() + " " + r.body());
        }
        return r.body();
    }

    static String login(String base, String user) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"demo1234\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("token").asString();
    }
}
