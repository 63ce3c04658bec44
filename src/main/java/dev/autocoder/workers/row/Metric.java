package dev.autocoder.workers.row;

/** One named number of a result; a list of these keeps the row's shape fixed whatever the perspective. */
public record Metric(String name, double value) {
    public static Metric of(String name, double value) {
        return new Metric(name, value);
    }
}
