package io.maple.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A markdown table built row by row. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(c instanceof Double d ? number(d) : String.valueOf(c));
        }
        rows.add(row);
        return this;
    }

    /** Three significant figures for small numbers, none after the point for large ones. */
    public static String number(double d) {
        if (Double.isNaN(d)) {
            return "n/a";
        }
        double a = Math.abs(d);
        if (a >= 100 || a == Math.rint(a)) {
            return String.format(Locale.ROOT, "%,.0f", d);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return String.format(Locale.ROOT, "%.3f", d);
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> b.append("---|"));
        b.append('\n');
        for (List<String> row : rows) {
            b.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return b.toString();
    }
}
