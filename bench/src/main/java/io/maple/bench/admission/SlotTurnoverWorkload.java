package io.maple.bench.admission;

import io.maple.bench.BenchSizes;
import io.maple.bench.Workload;
import io.maple.bench.load.Latencies;
import io.maple.bench.report.Comparison;
import io.maple.bench.report.Section;
import io.maple.bench.report.Table;
import io.maple.bench.stack.Executions;
import io.maple.bench.stack.MapleStack;
import io.maple.bench.stack.Submitter;
import io.maple.domain.ExecutionStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Slot turnover on a real launcher (issue 29, item 4): short jobs run as real processes on a LOCAL
 * cluster through a queue of limit L, all submitted at once, so a slot is always awaited. The turnover
 * of a slot is the time from a job's process ending (its exit code file written) to the next waiter's
 * STARTING; the k-th STARTING beyond the first L is the one the (k - L)-th end made room for. Beside it,
 * the floor of the whole run: N / L times the jobs' own run time, measured in the same run.
 */
public final class SlotTurnoverWorkload implements Workload {

    /** The LOCAL cluster whose launch queue the bench's worker serves with the real launcher. */
    public static final String CLUSTER = "bench-turnover";
    static final String QUEUE = "turnover";

    private final BenchSizes sizes;
    private final Supplier<MapleStack> stack;

    public SlotTurnoverWorkload(BenchSizes sizes, Supplier<MapleStack> stack) {
        this.sizes = sizes;
        this.stack = stack;
    }

    /** Worker properties this workload needs: its queue's limit. */
    public static void limits(Map<String, String> properties, BenchSizes sizes) {
        properties.put("maple.admission.limits." + CLUSTER + "-" + QUEUE, String.valueOf(sizes.turnoverLimit()));
    }

    @Override
    public Section run() throws Exception {
        MapleStack maple = stack.get();
        Submitter submitter = new Submitter(maple);
        submitter.registerCluster(CLUSTER, "LOCAL", sleepingSparkHome(sizes.turnoverJob().toMillis()).toString());
        Executions executions = new Executions(maple.jdbc());
        int n = sizes.turnoverJobs();
        int limit = sizes.turnoverLimit();

        long t0 = System.nanoTime();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(submitter.direct("turnover-" + System.nanoTime() + "-" + i, CLUSTER, QUEUE));
        }
        boolean all = executions.awaitTerminal(QUEUE, n, sizes.drainCap());
        double seconds = (System.nanoTime() - t0) / 1e9;

        List<Long> starts = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        List<Long> runs = new ArrayList<>();
        Map<Long, Map<String, Long>> times = firstTimes(maple, ids);
        for (long id : ids) {
            Map<String, Long> of = times.getOrDefault(id, Map.of());
            Long start = of.get(ExecutionStatus.STARTING.name());
            Long running = of.get(ExecutionStatus.RUNNING.name());
            Path exit = MapleStack.LOCAL_WORK_DIR.resolve(String.valueOf(id)).resolve("exitcode");
            if (start != null) {
                starts.add(start);
            }
            if (Files.exists(exit)) {
                long end = Files.getLastModifiedTime(exit).to(java.util.concurrent.TimeUnit.MICROSECONDS);
                ends.add(end);
                if (running != null) {
                    runs.add(end - running);
                }
            }
        }
        starts.sort(null);
        ends.sort(null);
        long[] turnovers = new long[Math.max(0, Math.min(starts.size() - limit, ends.size()))];
        for (int k = 0; k < turnovers.length; k++) {
            turnovers[k] = Math.max(0, starts.get(k + limit) - ends.get(k)) * 1000;
        }
        Latencies turnover = Latencies.of(turnovers);
        Latencies job = Latencies.of(runs.stream().mapToLong(r -> r * 1000).toArray());
        double floor = Math.ceil((double) n / limit) * job.p50() / 1000;

        Section section = new Section("9. Slot turnover on LOCAL",
                String.format("%d jobs of %d ms (a real process each, launched by the LOCAL launcher: a stand-in "
                        + "spark-submit that sleeps) submitted at once to one queue of limit %d. **Turnover**: from a "
                        + "job's process ending (its exit code file's time) to the next waiter's STARTING (history "
                        + "row). **Limit** of the run time: N / limit x the jobs' own run time (RUNNING to exit, p50), "
                        + "measured in the same run.", n, sizes.turnoverJob().toMillis(), limit));
        section.compare(new Comparison("turnover p50", "ms", turnover.p50(), sizes.turnoverJob().toMillis(),
                "< 1000 ms", turnover.p50() < 1000));
        section.compare(new Comparison("turnover p99", "ms", turnover.p99(), sizes.turnoverJob().toMillis(),
                "< 1000 ms", turnover.p99() < 1000));
        section.compare(Comparison.reported(String.format("time to run %d", n), "s", seconds, floor));
        section.detail(new Table("jobs", "limit", "ended", "SUCCEED", "turnovers measured", "turnover p50 ms",
                "turnover p99 ms", "job run p50 ms", "run s", "floor s")
                .row(n, limit, executions.terminalIn(QUEUE), executions.countIn(QUEUE, ExecutionStatus.SUCCEED),
                        turnover.count(), turnover.p50(), turnover.p99(), job.p50(), seconds, floor));
        section.note("The limit column of the turnover rows is the job's length, for scale. Before issue 29 a LOCAL "
                + "job's end was seen by the workflow's poll (maple.workflow.local-poll-interval, 5 s): the turnover "
                + "was up to a poll interval. Now the worker that launched the process signals its workflow when it "
                + "exits (LocalExitWatch); the poll remains for processes no live worker watches.");
        if (!all) {
            section.note("**Not all jobs ended within " + sizes.drainCap().toSeconds() + " s.**");
        }
        return section;
    }

    /** Each execution's first STARTING and RUNNING history rows, in epoch microseconds, in one query. */
    private static Map<Long, Map<String, Long>> firstTimes(MapleStack maple, List<Long> ids) {
        Map<Long, Map<String, Long>> times = new HashMap<>();
        maple.jdbc().query("SELECT execution_id, to_status, MIN(create_time) FROM maple_engine_execution_status_history "
                + "WHERE execution_id BETWEEN ? AND ? AND to_status IN ('STARTING', 'RUNNING') "
                + "GROUP BY execution_id, to_status", rs -> {
                    Timestamp t = rs.getTimestamp(3);
                    times.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2),
                            t.getTime() * 1000 + (t.getNanos() / 1000) % 1000);
                }, ids.stream().mapToLong(Long::longValue).min().orElse(0),
                ids.stream().mapToLong(Long::longValue).max().orElse(-1));
        return times;
    }

    /** A Spark home whose spark-submit only sleeps: the job is a real process, and costs nothing else. */
    private static Path sleepingSparkHome(long millis) {
        try {
            Path home = Files.createTempDirectory("maple-bench-turnover-spark");
            Path bin = Files.createDirectories(home.resolve("bin"));
            Path submit = bin.resolve("spark-submit");
            Files.writeString(submit, "#!/bin/sh\nexec sleep " + millis / 1000.0 + "\n");
            Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
