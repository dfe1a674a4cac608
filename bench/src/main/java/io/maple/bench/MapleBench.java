package io.maple.bench;

import io.maple.bench.report.Report;
import io.maple.bench.report.Section;
import io.maple.bench.admission.BurstWorkload;
import io.maple.bench.admission.QueueDrainWorkload;
import io.maple.bench.admission.SlotTurnoverWorkload;
import io.maple.bench.dispatch.DispatchWorkload;
import io.maple.bench.history.HistoryWorkload;
import io.maple.bench.log.LogTailWorkload;
import io.maple.bench.monitor.MonitoringWorkload;
import io.maple.bench.resume.ResumeWorkload;
import io.maple.bench.stack.SharedStack;
import io.maple.bench.submission.SubmissionWorkload;
import io.maple.bench.webhook.WebhookWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every workload and writes {@code report.md} and its charts into the directory given as the
 * first argument. {@code -Dmaple.bench.profile=smoke|full}; {@code -Dmaple.bench.only=1,4} runs a
 * subset. Exits 1 when a workload failed (the report still carries the others).
 */
public final class MapleBench {

    private MapleBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-report");
        BenchSizes sizes = BenchSizes.of(System.getProperty("maple.bench.profile", "smoke"));
        Instant began = Instant.now();
        Report report = new Report(dir, "Profile `" + sizes.profile() + "`, started " + began + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, load average at start `" + loadAverage()
                + "`. Every limit is measured in the same run as the figure it is compared with.");
        List<String> failed = new ArrayList<>();
        Map<String, String> worker = new HashMap<>();
        // queues are unlimited unless a workload limits its own
        worker.put("maple.admission.default-limit", "1000000");
        QueueDrainWorkload.limits(worker, sizes.queueLimit());
        HistoryWorkload.durations(worker, sizes.streamingRun());
        ResumeWorkload.durations(worker, sizes);
        SlotTurnoverWorkload.limits(worker, sizes);
        BurstWorkload.configure(worker, sizes);
        try (SharedStack stack = new SharedStack(worker)) {
            // submission runs last: it pauses the workers and leaves its workflows unrun
            Map<String, Workload> workloads = new LinkedHashMap<>();
            workloads.put("2", new DispatchWorkload(sizes, stack, report.dir()));
            workloads.put("3", new QueueDrainWorkload(sizes, stack));
            workloads.put("6", new WebhookWorkload(sizes, stack));
            workloads.put("5", new HistoryWorkload(sizes, stack));
            workloads.put("4", new MonitoringWorkload(sizes, report.dir()));
            workloads.put("7", new LogTailWorkload(sizes, stack));
            workloads.put("8", new ResumeWorkload(sizes, stack));
            workloads.put("9", new SlotTurnoverWorkload(sizes, stack));
            workloads.put("10", new BurstWorkload(sizes, stack));
            workloads.put("1", new SubmissionWorkload(sizes, stack, report.dir()));
            runAll(workloads, report, failed);
        }
        System.out.printf("bench %s: %d s, report in %s%n", sizes.profile(),
                Duration.between(began, Instant.now()).toSeconds(), dir.resolve("report.md").toAbsolutePath());
        if (!failed.isEmpty()) {
            System.err.println("failed workloads: " + failed);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void runAll(Map<String, Workload> workloads, Report report, List<String> failed)
            throws java.io.IOException {
        String selected = System.getProperty("maple.bench.only", "all");
        List<String> only = List.of(("all".equals(selected) ? String.join(",", workloads.keySet()) : selected)
                .split(","));
        for (Map.Entry<String, Workload> w : workloads.entrySet()) {
            if (!only.contains(w.getKey())) {
                continue;
            }
            Instant t0 = Instant.now();
            String loadBefore = loadAverage();
            try {
                Section section = w.getValue().run();
                section.note("Workload time: " + Duration.between(t0, Instant.now()).toSeconds() + " s; load average "
                        + "before `" + loadBefore + "`, after `" + loadAverage() + "`.");
                report.add(section);
            } catch (Exception | AssertionError e) {
                failed.add(w.getKey());
                e.printStackTrace();
                report.add(new Section("Workload " + w.getKey() + " FAILED", "`" + e + "`"));
            }
        }
    }

    /** The machine is shared: the load average says how much of it the run really had. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
