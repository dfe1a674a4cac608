package io.maple.bench.report;

import java.util.ArrayList;
import java.util.List;

/** What one workload measured: its comparisons with their limits, details, charts and caveats. */
public final class Section {

    private final String title;
    private final String setup;
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<Table> details = new ArrayList<>();
    private final List<String> charts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Section(String title, String setup) {
        this.title = title;
        this.setup = setup;
    }

    public Section compare(Comparison c) {
        comparisons.add(c);
        return this;
    }

    public Section detail(Table t) {
        details.add(t);
        return this;
    }

    public Section chart(String fileName) {
        charts.add(fileName);
        return this;
    }

    public Section note(String text) {
        notes.add(text);
        return this;
    }

    public String title() {
        return title;
    }

    public List<Comparison> comparisons() {
        return comparisons;
    }

    String markdown() {
        StringBuilder b = new StringBuilder("## ").append(title).append("\n\n").append(setup).append("\n\n");
        Table summary = new Table("measure", "figure", "limit (same run)", "ratio", "goal", "goal met");
        for (Comparison c : comparisons) {
            summary.row(c.measure(), Table.number(c.figure()) + " " + c.unit(),
                    Table.number(c.limit()) + " " + c.unit(), Table.number(c.ratio()), c.goal(), c.metText());
        }
        b.append(summary.markdown()).append('\n');
        for (Table t : details) {
            b.append(t.markdown()).append('\n');
        }
        for (String chart : charts) {
            b.append("![").append(chart).append("](").append(chart).append(")\n\n");
        }
        for (String n : notes) {
            b.append("- ").append(n).append('\n');
        }
        return b.append('\n').toString();
    }
}
