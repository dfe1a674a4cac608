package io.maple.bench.report;

/**
 * One figure beside the limit it is compared with, both measured in the same run.
 *
 * @param goal what the issue asks for, or "-" when the figure is reported without one
 * @param met  whether the goal was reached; null when there is no goal
 */
public record Comparison(String measure, String unit, double figure, double limit, String goal, Boolean met) {

    public static Comparison reported(String measure, String unit, double figure, double limit) {
        return new Comparison(measure, unit, figure, limit, "-", null);
    }

    public double ratio() {
        return limit == 0 ? Double.NaN : figure / limit;
    }

    String metText() {
        return met == null ? "-" : met ? "yes" : "**no**";
    }
}
