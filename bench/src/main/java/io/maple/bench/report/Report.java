package io.maple.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The run's report: report.md (and the charts beside it) under the output directory, and stdout. */
public final class Report {

    private final Path dir;
    private final String header;
    private final List<Section> sections = new ArrayList<>();

    public Report(Path dir, String header) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.header = header;
    }

    public Path dir() {
        return dir;
    }

    /** Adds a finished workload, prints it and rewrites the report, so a later failure keeps what was measured. */
    public void add(Section section) throws IOException {
        sections.add(section);
        System.out.println(section.markdown());
        write();
    }

    public void write() throws IOException {
        // workloads run in the order that keeps them apart; the report lists them by number
        sections.sort(java.util.Comparator.comparing(Section::title));
        StringBuilder b = new StringBuilder("# Maple benchmark report\n\n").append(header).append("\n\n");
        Table goals = new Table("workload", "measure", "figure", "limit", "ratio", "goal", "met");
        for (Section s : sections) {
            for (Comparison c : s.comparisons()) {
                if (c.met() != null) {
                    goals.row(s.title(), c.measure(), Table.number(c.figure()) + " " + c.unit(),
                            Table.number(c.limit()) + " " + c.unit(), Table.number(c.ratio()), c.goal(), c.metText());
                }
            }
        }
        b.append("## Goals\n\n").append(goals.markdown()).append('\n');
        sections.forEach(s -> b.append(s.markdown()));
        Files.writeString(dir.resolve("report.md"), b.toString());
    }
}
