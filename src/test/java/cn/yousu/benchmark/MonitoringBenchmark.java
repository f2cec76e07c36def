package cn.yousu.benchmark;

import cn.yousu.support.Cases;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The monitoring registry's office pages at the size of a city: {@code -Dbench.members} (300) active supervisors,
 * each with {@code -Dbench.reports} (8) reports spread over the year (every report a registered case), then the
 * quota page and the exit flags (also the header badge of every office page) read {@code -Dbench.reads} (200)
 * times each by 8 concurrent clients: p50, p99 and the application's CPU per read.
 */
final class MonitoringBenchmark {

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("bench.members", 300);
        int reports = Integer.getInteger("bench.reports", 8);
        int reads = Integer.getInteger("bench.reads", 200);
        System.out.println("Yousu monitoring benchmark — " + BenchmarkApp.machine());
        System.out.println(members + " supervisors × " + reports + " reports, " + reads + " reads per endpoint, "
                + "PostgreSQL 127.0.0.1:5432");
        try (BenchmarkApp app = BenchmarkApp.start("yousu_bench_monitoring", 18081, "512m", List.of())) {
            Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>(
                    Map.of("office", ApiBenchmark.login(app.baseUrl(), "office")));
            ApiBenchmark api = new ApiBenchmark(app.port, tokens);
            ConcurrentHistogram setup = new ConcurrentHistogram(60_000_000L, 3);
            AtomicLong requests = new AtomicLong();
            long t0 = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < 8; c++) {
                    int client = c;
                    pool.submit(() -> {
                        try (LeanHttp http = new LeanHttp("localhost", app.port)) {
                            for (int i = client; i < members; i += 8) {
                                String user = "bench-jdy-" + i;
                                String body = api.call(http, "office", "POST", "/api/v1/monitoring/members",
                                        Map.of("kind", "SUPERVISOR", "name", "监督员" + i,
                                                "category", "ENTERPRISE_REPRESENTATIVE", "birthDate", "1980-01-01",
                                                "phone", Cases.mobile(), "nomination", "SELF",
                                                "disciplinaryRecord", false, "criminalRecord", false,
                                                "dishonest", false), 201, setup, requests);
                                int at = body.indexOf("\"id\":") + 5;
                                String id = body.substring(at, body.indexOf(',', at));
                                for (String step : List.of("preliminary-review", "office-review", "approval")) {
                                    api.call(http, "office", "POST", "/api/v1/monitoring/members/" + id + "/" + step,
                                            Map.of("approve", true, "reviewer", "市工商联"), 200, setup, requests);
                                }
                                api.call(http, "office", "POST", "/api/v1/monitoring/members/" + id + "/account",
                                        Map.of("username", user, "password", "demo1234"), 200, setup, requests);
                                synchronized (tokens) {
                                    tokens.put(user, ApiBenchmark.login(app.baseUrl(), user));
                                }
                                for (int r = 0; r < reports; r++) {
                                    api.call(http, user, "POST", "/api/v1/monitoring/me/reports",
                                            Map.of("kind", r % 3 == 0 ? "SUGGESTION" : "PROBLEM", "title", "报送 " + r,
                                                    "content", "窗口要求重复提交材料，企业往返多次。"), 201, setup, requests);
                                }
                            }
                        }
                        return null;
                    });
                }
            }
            System.out.printf("set-up: %d requests in %.1f s (p50 %.1f ms, p99 %.1f ms)%n", requests.get(),
                    (System.nanoTime() - t0) / 1e9, setup.getValueAtPercentile(50) / 1000.0,
                    setup.getValueAtPercentile(99) / 1000.0);
            for (String path : List.of("/api/v1/monitoring/quotas", "/api/v1/monitoring/exit-flags",
                    "/api/v1/monitoring/members")) {
                read(api, app, path, reads);
            }
        }
    }

    private static void read(ApiBenchmark api, BenchmarkApp app, String path, int reads) throws Exception {
        ConcurrentHistogram latency = new ConcurrentHistogram(60_000_000L, 3);
        AtomicLong requests = new AtomicLong();
        AtomicLong next = new AtomicLong();
        double cpu0 = app.cpuSeconds();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 8; c++) {
                pool.submit(() -> {
                    try (LeanHttp http = new LeanHttp("localhost", app.port)) {
                        while (next.getAndIncrement() < reads) {
                            api.call(http, "office", "GET", path, null, 200, latency, requests);
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Histogram h = latency;
        System.out.printf("%-34s %6.1f reads/s  p50 %6.1f ms  p99 %6.1f ms  app CPU %5.1f ms/read%n", path,
                requests.get() / seconds, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                (app.cpuSeconds() - cpu0) * 1000 / requests.get());
    }
}
