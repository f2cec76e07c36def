package cn.yousu.benchmark;

import java.util.Arrays;

/**
 * Entry point of the benchmarks: {@code ./mvnw -Pbenchmark verify -Dbenchmark=<name>} (see docs/benchmarks.md).
 * Each benchmark prints its figures; none of them is part of the test suite.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "api" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (name) {
            case "api" -> ApiBenchmark.main(rest);
            case "monitoring" -> MonitoringBenchmark.main(rest);
            case "deadline-watch" -> DeadlineWatchBenchmark.main(rest);
            case "reporting" -> ReportingBenchmark.main(rest);
            default -> {
                System.err.println("Unknown benchmark '" + name + "'. Known: api, monitoring, deadline-watch, reporting");
                System.exit(2);
            }
        }
    }
}
