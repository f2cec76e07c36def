package cn.yousu.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's own yardstick, printed beside the figures: issue 2 states its targets for a machine whose
 * {@code pgbench} commits about 8,000 two-INSERT transactions/s with 32 clients, and the machines the benchmark ran on
 * did 4,300–22,500. Runs that script for 10 s in a scratch database when {@code pgbench} is on the PATH
 * ({@code -Dbench.pgbench=false} skips it).
 */
final class PgbenchReference {

    static final int ISSUE_REFERENCE_TPS = 8_000;
    private static final String DATABASE = "yousu_bench_pgbench";
    /** Where Debian's PostgreSQL listens beside the benchmark. */
    private static final Path PG_SOCKET = Path.of("/var/run/postgresql/.s.PGSQL.5432");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private PgbenchReference() {
    }

    /** The machine's figures over TCP and over PostgreSQL's Unix socket (0 when it has none). */
    record Figures(double tcp, double socket) {
    }

    /** Transactions per second, or empty when pgbench is not installed or disabled. */
    static Optional<Figures> measure() throws Exception {
        if (!Boolean.parseBoolean(System.getProperty("bench.pgbench", "true")) || !onPath("pgbench")) {
            return Optional.empty();
        }
        BenchmarkApp.recreateDatabase(DATABASE);
        Path script = Files.createTempFile("two-inserts", ".sql");
        try {
            String url = BenchmarkApp.ADMIN_URL.replace("/postgres", "/" + DATABASE);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (a INT, b INT)");
            }
            Files.writeString(script, """
                    BEGIN;
                    INSERT INTO t (a, b) VALUES (1, 2);
                    INSERT INTO t (a, b) VALUES (3, 4);
                    COMMIT;
                    """);
            double tcp = run(script, "127.0.0.1");
            // pgbench's own default on a machine with the server beside it (no -h): the socket's directory
            double local = Files.exists(PG_SOCKET) ? run(script, PG_SOCKET.getParent().toString()) : 0;
            return Optional.of(new Figures(tcp, local));
        } finally {
            Files.deleteIfExists(script);
            BenchmarkApp.dropDatabase(DATABASE);
        }
    }

    private static double run(Path script, String host) throws Exception {
        Process p = new ProcessBuilder(List.of("pgbench", "-h", host, "-U", "postgres", "-n", "-f", script.toString(),
                "-c", "32", "-j", "2", "-T", "10", DATABASE)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = TPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The issue does not say how its {@code pgbench} connected; run without {@code -h} beside the server it takes the
     * Unix socket, which committed 2–50 % more than TCP on the eighth session's machine. Both are printed, each
     * against 8,000.
     */
    static String describe(Figures f) {
        String line = String.format("pgbench here: %,.0f two-INSERT transactions/s with 32 clients over TCP (×%.2f the"
                + " issue's %,d)", f.tcp(), f.tcp() / ISSUE_REFERENCE_TPS, ISSUE_REFERENCE_TPS);
        return f.socket() == 0 ? line : line + String.format(", %,.0f over the Unix socket (×%.2f)", f.socket(),
                f.socket() / ISSUE_REFERENCE_TPS);
    }
}
