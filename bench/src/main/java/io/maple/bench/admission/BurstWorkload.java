package io.maple.bench.admission;

import io.maple.bench.BenchSizes;
import io.maple.bench.Workload;
import io.maple.bench.load.CpuClock;
import io.maple.bench.load.Latencies;
import io.maple.bench.load.OpenLoop;
import io.maple.bench.load.WarmUp;
import io.maple.bench.report.Comparison;
import io.maple.bench.report.Section;
import io.maple.bench.report.Table;
import io.maple.bench.stack.InstantCluster;
import io.maple.bench.stack.MapleStack;
import io.maple.bench.stack.Submitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The top-of-the-hour burst (issue 29, item 1): N submissions through the api within a few seconds onto
 * several cluster queues of one limit, priorities 1 to 5 mixed, jobs of a few seconds on the instant
 * cluster (their ends signalled as an informer would). Checked from MySQL: no priority inversion within
 * a queue, never more than the limit holding (sampled every 100 ms), every execution ended, no second
 * launch. Beside it, the same arrivals through {@link BareBurst}: the same inserts and status writes
 * with the limits kept in memory, no workflow.
 */
public final class BurstWorkload implements Workload {

    static final String QUEUE = "burst-";
    static final String BARE_QUEUE = "bare-burst-";
    /** A waiter counts as passed over only when it was in line this long before the other's slot. */
    private static final long TIE_MICROS = 100_000;
    private static final double GOAL_RATIO = 1.5;
    private static final int WARM_UP_SECONDS = 1;
    /** The warm-up stops after this many bursts' time even if the compilers have not settled. */
    private static final int WARM_UP_CAP_BURSTS = 12;

    private final BenchSizes sizes;
    private final Supplier<MapleStack> stack;
    private final CpuClock cpu = CpuClock.find();

    public BurstWorkload(BenchSizes sizes, Supplier<MapleStack> stack) {
        this.sizes = sizes;
        this.stack = stack;
    }

    /** Worker properties: each burst queue's limit, its jobs' run time, and their ends pushed. */
    public static void configure(Map<String, String> worker, BenchSizes sizes) {
        BenchSizes.Burst burst = sizes.burst();
        for (int q = 0; q < burst.queues(); q++) {
            worker.put("maple.admission.limits." + MapleStack.CLUSTER + "-" + QUEUE + q, String.valueOf(burst.limit()));
            worker.put("maple.bench.instant-cluster.durations." + QUEUE + q, burst.job().toMillis() + "ms");
            worker.put("maple.bench.instant-cluster.pushed-queues[" + q + "]", QUEUE + q);
        }
    }

    @Override
    public Section run() throws Exception {
        MapleStack maple = stack.get();
        Submitter submitter = new Submitter(maple);
        BenchSizes.Burst burst = sizes.burst();
        int n = burst.submissions();
        int rate = (int) Math.ceil(n / (double) burst.over().toSeconds());
        Random random = new Random(29);
        int[] priorities = new int[n];
        for (int i = 0; i < n; i++) {
            priorities[i] = 1 + random.nextInt(5);
        }
        String tag = Long.toString(System.currentTimeMillis(), 36);

        ScheduledExecutorService timers = Executors.newScheduledThreadPool(8);
        WarmUp.Outcome warm;
        Run viaMaple;
        Run bare;
        long duplicates;
        try {
            // a long-running api and worker have compiled their hot paths; a fresh JVM compiles them for a minute
            // or more (16% of the CPU of a burst after one short warm-up burst, JFR). Short bursts down each
            // path until the compilers have settled, left out of the figures.
            BenchSizes.Burst warmUp = new BenchSizes.Burst(rate * WARM_UP_SECONDS, Duration.ofSeconds(WARM_UP_SECONDS),
                    burst.queues(), burst.limit(), burst.job());
            int[] round = {0};
            warm = WarmUp.untilSettled(burst.over().multipliedBy(warmUpCapBursts()), () -> {
                String warmTag = tag + "-warm" + round[0]++;
                run(maple, QUEUE, warmUp, rate, viaApi(submitter, burst, priorities, warmTag));
                run(maple, BARE_QUEUE, warmUp, rate, bare(submitter, maple, burst, timers, priorities, warmTag));
            });

            viaMaple = run(maple, QUEUE, burst, rate, viaApi(submitter, burst, priorities, tag));
            duplicates = maple.workerBean(InstantCluster.class).launchedMoreThanOnce(viaMaple.ids());
            bare = run(maple, BARE_QUEUE, burst, rate, bare(submitter, maple, burst, timers, priorities, tag));
        } finally {
            timers.shutdownNow();
        }

        Section section = new Section("10. Top-of-the-hour burst",
                String.format("%,d submissions through `POST /executions` in %d s (%d/s, an open loop) onto %d cluster "
                        + "queues of limit %d, priorities 1 to 5 mixed (seeded), jobs of %d ms on the instant cluster, "
                        + "whose ends are signalled when they happen (as K8s informers do). **Limit**: the same "
                        + "arrivals (same queues and priorities) through a bare scheduler in this JVM: the same "
                        + "insert and status writes through the same store, the limits and the priority order kept "
                        + "in memory, the job's time on a timer: no workflow, no durability. Drain: first CREATED to "
                        + "last end. Holding: executions in STARTING, RUNNING or UNKNOWN per queue, sampled every "
                        + "100 ms. An inversion: a waiter of a more urgent priority in line (ACCEPTED) %d ms or more "
                        + "before another of the same queue got its slot, served after it. Before both, bursts of %d s "
                        + "(%d executions) down each path in turn, not counted, until a round compiled under 5%% of a "
                        + "core (capped at %d bursts' time): the JIT's warm-up, which a long-running api and worker are "
                        + "past and a fresh JVM would otherwise spend during the measured burst. It took %.0f s; the "
                        + "compilers used %.0f%% of a core in its last round.", n,
                        burst.over().toSeconds(), rate, burst.queues(), burst.limit(), burst.job().toMillis(),
                        TIE_MICROS / 1000, WARM_UP_SECONDS, rate * WARM_UP_SECONDS, warmUpCapBursts(),
                        warm.took().toMillis() / 1000.0, warm.lastCompileShare() * 100));
        double floor = Math.ceil((double) n / (burst.queues() * burst.limit())) * burst.job().toMillis() / 1000.0;
        section.compare(new Comparison("drain time", "s", viaMaple.drainSeconds(), bare.drainSeconds(),
                "<= " + GOAL_RATIO + "x bare", viaMaple.drainSeconds() <= GOAL_RATIO * bare.drainSeconds()));
        section.compare(new Comparison("priority inversions", "", viaMaple.inversions(), bare.inversions(), "0",
                viaMaple.inversions() == 0));
        section.compare(new Comparison("most holding in one queue", "", viaMaple.mostHolding(), burst.limit(),
                "<= limit", viaMaple.mostHolding() <= burst.limit()));
        section.compare(new Comparison("executions ended", "", viaMaple.ended(), n, "all", viaMaple.ended() == n));
        section.compare(new Comparison("executions launched twice", "", duplicates, 0, "0", duplicates == 0));
        section.compare(Comparison.reported("JVM CPU per execution", "ms", viaMaple.cpuMillis(), bare.cpuMillis()));
        section.compare(Comparison.reported("CREATED -> ACCEPTED p99", "ms", viaMaple.accepted().p99(),
                bare.accepted().p99()));
        section.compare(Comparison.reported("CREATED -> STARTING p50", "ms", viaMaple.starting().p50(),
                bare.starting().p50()));
        section.compare(Comparison.reported("CREATED -> STARTING p99", "ms", viaMaple.starting().p99(),
                bare.starting().p99()));
        section.detail(new Table("path", "executions", "ended", "drain s", "capacity floor s", "grants seen", "inversions",
                "most holding", "CREATED->ACCEPTED p50 / p99 ms", "CREATED->STARTING p50 / p99 ms")
                .row("Maple", n, viaMaple.ended(), viaMaple.drainSeconds(), floor, viaMaple.ordered(), viaMaple.inversions(),
                        viaMaple.mostHolding(), viaMaple.accepted().p50() + " / " + viaMaple.accepted().p99(),
                        viaMaple.starting().p50() + " / " + viaMaple.starting().p99())
                .row("bare (limit)", n, bare.ended(), bare.drainSeconds(), floor, bare.ordered(), bare.inversions(),
                        bare.mostHolding(),
                        bare.accepted().p50() + " / " + bare.accepted().p99(),
                        bare.starting().p50() + " / " + bare.starting().p99()));
        section.note("The capacity floor is ceil(N / (queues x limit)) x the job's time: no scheduler drains faster. "
                + "CREATED -> STARTING includes the wait for a slot, which the limits impose on both paths.");
        return section;
    }

    /** The smoke profile keeps the report working and judges nothing: one round, not CI minutes. */
    private int warmUpCapBursts() {
        return "smoke".equals(sizes.profile()) ? 1 : WARM_UP_CAP_BURSTS;
    }

    private static LongFunction<Long> viaApi(Submitter submitter, BenchSizes.Burst burst, int[] priorities, String tag) {
        return i -> submitter.viaApi("burst-" + tag + "-" + i, QUEUE + (i % burst.queues()), priorities[(int) i],
                null);
    }

    private static LongFunction<Long> bare(Submitter submitter, MapleStack maple, BenchSizes.Burst burst,
                                           ScheduledExecutorService timers, int[] priorities, String tag) {
        BareBurst scheduler = new BareBurst(submitter, maple.store(), MapleStack.CLUSTER, burst.limit(), burst.job(),
                timers);
        return i -> scheduler.submit("bare-burst-" + tag + "-" + i, BARE_QUEUE + (i % burst.queues()),
                priorities[(int) i]);
    }

    private Run run(MapleStack maple, String prefix, BenchSizes.Burst burst, int rate, LongFunction<Long> submit)
            throws Exception {
        HoldingSampler holding = new HoldingSampler(maple.jdbc(), prefix);
        List<Long> ids;
        CpuClock.Reading cpuBefore = cpu.now();
        long cpuNanos;
        try {
            ids = OpenLoop.run(rate, burst.over(), submit);
            awaitEnded(maple.jdbc(), ids, sizes.drainCap());
            cpuNanos = cpu.now().since(cpuBefore).jvmNanos();
        } finally {
            holding.stop();
        }
        List<Row> rows = rows(maple.jdbc(), ids, prefix);
        // Maple's order is the queue table's: a waiter granted by another's departure writes its STARTING row
        // only when its workflow takes the grant, so the history's order is not the grants' (the bare path
        // writes STARTING when it decides, so its history is its order)
        List<Row> order = holding.grants().isEmpty() ? rows : rows.stream().map(r -> {
            long[] g = holding.grants().get(r.id());
            return g == null ? r.withOrder(null, null) : r.withOrder(g[0], g[1]);
        }).toList();
        long firstCreated = rows.stream().mapToLong(Row::created).min().orElse(0);
        long lastEnded = rows.stream().filter(r -> r.ended() != null).mapToLong(Row::ended).max().orElse(firstCreated);
        return new Run(ids, cpuNanos / 1e6 / ids.size(), rows.stream().filter(r -> r.ended() != null).count(),
                (lastEnded - firstCreated) / 1e6,
                order.stream().filter(r -> r.served() != null).count(), inversions(order), holding.most(), Latencies.of(since(rows, Row::accepted)),
                Latencies.of(since(rows, Row::starting)));
    }

    /**
     * @param cpuMillis this JVM's CPU time from the first submission to the last end, per execution
     * @param ordered   executions whose place in line and slot were seen, over which inversions are counted
     */
    private record Run(List<Long> ids, double cpuMillis, long ended, double drainSeconds, long ordered, long inversions, long mostHolding,
                       Latencies accepted, Latencies starting) {
    }

    /** One execution's times (microseconds on the database's clock) from its status history. */
    private record Row(long id, String queue, int priority, long created, Long accepted, Long starting, Long ended,
                       Long inLine, Long served) {

        /** In line and served: by default its ACCEPTED and STARTING rows. */
        Row withOrder(Long enter, Long grant) {
            return new Row(id, queue, priority, created, accepted, starting, ended, enter, grant);
        }
    }

    private static List<Row> rows(JdbcTemplate jdbc, List<Long> ids, String prefix) {
        long min = ids.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = ids.stream().mapToLong(Long::longValue).max().orElse(-1);
        return jdbc.query("SELECT e.id, e.cluster_queue, e.priority, "
                + micros("h.to_status = 'CREATED'", "MIN") + " AS t_created, "
                + micros("h.to_status = 'ACCEPTED'", "MIN") + " AS t_accepted, "
                + micros("h.to_status = 'STARTING'", "MIN") + " AS t_starting, "
                + micros("h.to_status IN ('SUCCEED', 'FAILED', 'KILLED', 'CANCELED', 'START_FAILED')", "MAX") + " AS t_ended"
                + " FROM maple_engine_execution e JOIN maple_engine_execution_status_history h ON h.execution_id = e.id"
                + " WHERE e.id BETWEEN ? AND ? AND e.cluster_queue LIKE ? GROUP BY e.id, e.cluster_queue, e.priority",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getObject(7, Long.class),
                        rs.getObject(5, Long.class), rs.getObject(6, Long.class)), min, max, prefix + "%");
    }

    private static String micros(String condition, String aggregate) {
        return "TIMESTAMPDIFF(MICROSECOND, '2000-01-01', " + aggregate + "(CASE WHEN " + condition
                + " THEN h.create_time END))";
    }

    private static long[] since(List<Row> rows, java.util.function.Function<Row, Long> to) {
        return rows.stream().filter(r -> to.apply(r) != null).mapToLong(r -> (to.apply(r) - r.created()) * 1000).toArray();
    }

    /** Pairs within a queue where a more urgent waiter, in line well before another was served, was served after it. */
    private static long inversions(List<Row> rows) {
        long count = 0;
        Map<String, List<Row>> byQueue = rows.stream().filter(r -> r.inLine() != null && r.served() != null)
                .collect(Collectors.groupingBy(Row::queue));
        for (List<Row> queue : byQueue.values()) {
            for (Row served : queue) {
                for (Row waiter : queue) {
                    if (waiter.priority() < served.priority() && waiter.inLine() <= served.served() - TIE_MICROS
                            && waiter.served() > served.served()) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static void awaitEnded(JdbcTemplate jdbc, List<Long> ids, Duration timeout) throws InterruptedException {
        long min = ids.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = ids.stream().mapToLong(Long::longValue).max().orElse(-1);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long ended = jdbc.queryForObject("SELECT COUNT(*) FROM maple_engine_execution WHERE id BETWEEN ? AND ? "
                    + "AND status IN ('SUCCEED', 'FAILED', 'KILLED', 'CANCELED', 'START_FAILED')", Long.class, min, max);
            if (ended != null && ended >= ids.size()) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /**
     * Every 100 ms: the most executions holding a slot in any one queue of a prefix (by their status), and
     * the queue table's holders with when they joined the line and were granted (jobs hold for seconds, so
     * every grant is seen).
     */
    private static final class HoldingSampler {

        private final Map<String, Long> most = new ConcurrentHashMap<>();
        private final Map<Long, long[]> grants = new ConcurrentHashMap<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        HoldingSampler(JdbcTemplate jdbc, String prefix) {
            timer.scheduleAtFixedRate(() -> {
                jdbc.query("SELECT cluster_queue, COUNT(*) FROM maple_engine_execution WHERE cluster_queue LIKE ? "
                        + "AND status IN ('STARTING', 'RUNNING', 'UNKNOWN') GROUP BY cluster_queue",
                        rs -> {
                            most.merge(rs.getString(1), rs.getLong(2), Math::max);
                        }, prefix + "%");
                jdbc.query("SELECT execution_id, TIMESTAMPDIFF(MICROSECOND, '2000-01-01', enter_time), "
                        + "TIMESTAMPDIFF(MICROSECOND, '2000-01-01', grant_time) FROM maple_queue_entry "
                        + "WHERE cluster_queue LIKE ? AND state = 'HOLDING'", rs -> {
                            grants.putIfAbsent(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                        }, prefix + "%");
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        Map<Long, long[]> grants() {
            return grants;
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }

        long most() {
            return most.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }
}
