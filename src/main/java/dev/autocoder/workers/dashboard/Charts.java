package dev.autocoder.workers.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Builds the two trend charts of a worker from its aggregate's bounded series. */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final Chart.Frame FRAME = new Chart.Frame(48, 12, WIDTH - 16, HEIGHT - 28);
    private static final int COLOURS = 8;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Charts() {
    }

    /** Quality score (0..1) of each perspective over the worker's iterations. */
    static Chart qualityScores(WorkerAggregate aggregate, List<String> rotation) {
        List<PerspectiveAggregate> perspectives = aggregate.perspectives().stream()
                .filter(p -> !p.scores().isEmpty())
                .sorted(java.util.Comparator.comparingInt(p -> rotation.indexOf(p.id()) < 0 ? Integer.MAX_VALUE : rotation.indexOf(p.id())))
                .toList();
        String title = "Quality score per perspective";
        String description = "Quality score from 0 to 1 of each perspective, by iteration";
        if (perspectives.isEmpty()) {
            return empty(title, description, "No quality score yet.");
        }
        double minX = perspectives.stream().flatMap(p -> p.scores().stream()).mapToDouble(SeriesPoint::iteration).min().orElse(0);
        double maxX = perspectives.stream().flatMap(p -> p.scores().stream()).mapToDouble(SeriesPoint::iteration).max().orElse(1);
        List<Chart.Line> lines = new ArrayList<>();
        for (PerspectiveAggregate p : perspectives) {
            int colour = rotation.indexOf(p.id()) < 0 ? lines.size() : rotation.indexOf(p.id());
            lines.add(line(p.name(), colour, p.scores(), SeriesPoint::iteration, minX, maxX, 0, 1, "%.2f"));
        }
        List<Chart.Tick> yTicks = new ArrayList<>();
        for (double v = 0; v <= 1.0001; v += 0.25) {
            yTicks.add(new Chart.Tick(fmt(FRAME.left() - 6), fmt(y(v, 0, 1)), String.format(Locale.ROOT, "%.2f", v), "end"));
        }
        List<Chart.Tick> xTicks = List.of(
                new Chart.Tick(fmt(x(minX, minX, maxX)), fmt(FRAME.bottom() + 16), "#" + (long) minX, maxX > minX ? "start" : "middle"),
                new Chart.Tick(fmt(x(maxX, minX, maxX)), fmt(FRAME.bottom() + 16), "#" + (long) maxX, "end"));
        return new Chart(title, description, WIDTH, HEIGHT, false, "", lines, yTicks, maxX > minX ? xTicks : xTicks.subList(0, 1), FRAME);
    }

    /** Findings in main code open after each ok row (all perspectives' latest counts, summed), over time. */
    static Chart openFindings(WorkerAggregate aggregate) {
        List<SeriesPoint> points = aggregate.openFindings().stream().filter(p -> p.at() != null).toList();
        String title = "Open findings over time";
        String description = "Findings in main code of every perspective's latest result, summed, after each iteration";
        if (points.isEmpty()) {
            return empty(title, description, "No findings counted yet.");
        }
        double minX = points.get(0).at().toEpochMilli();
        double maxX = points.get(points.size() - 1).at().toEpochMilli();
        double maxY = niceCeiling(points.stream().mapToDouble(SeriesPoint::value).max().orElse(0));
        Chart.Line line = line("Open findings", 0, points, p -> p.at().toEpochMilli(), minX, maxX, 0, maxY, "%.0f");
        List<Chart.Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            yTicks.add(new Chart.Tick(fmt(FRAME.left() - 6), fmt(y(v, 0, maxY)), String.format(Locale.ROOT, "%.0f", v), "end"));
        }
        List<Chart.Tick> xTicks = new ArrayList<>();
        xTicks.add(new Chart.Tick(fmt(x(minX, minX, maxX)), fmt(FRAME.bottom() + 16), TIME.format(Instant.ofEpochMilli((long) minX)),
                maxX > minX ? "start" : "middle"));
        if (maxX > minX) {
            xTicks.add(new Chart.Tick(fmt(x(maxX, minX, maxX)), fmt(FRAME.bottom() + 16), TIME.format(Instant.ofEpochMilli((long) maxX)), "end"));
        }
        return new Chart(title, description, WIDTH, HEIGHT, false, "", List.of(line), yTicks, xTicks, FRAME);
    }

    private static Chart.Line line(String name, int colour, List<SeriesPoint> points, ToDoubleFunction<SeriesPoint> xOf,
                                   double minX, double maxX, double minY, double maxY, String valueFormat) {
        StringBuilder coordinates = new StringBuilder();
        for (SeriesPoint point : points) {
            if (!coordinates.isEmpty()) {
                coordinates.append(' ');
            }
            coordinates.append(fmt(x(xOf.applyAsDouble(point), minX, maxX))).append(',').append(fmt(y(point.value(), minY, maxY)));
        }
        SeriesPoint last = points.get(points.size() - 1);
        return new Chart.Line(name, "series-" + (colour % COLOURS), coordinates.toString(),
                fmt(x(xOf.applyAsDouble(last), minX, maxX)), fmt(y(last.value(), minY, maxY)),
                String.format(Locale.ROOT, valueFormat, last.value()));
    }

    private static Chart empty(String title, String description, String text) {
        return new Chart(title, description, WIDTH, HEIGHT, true, text, List.of(), List.of(), List.of(), FRAME);
    }

    private static double x(double value, double min, double max) {
        double span = max - min;
        double ratio = span <= 0 ? 0.5 : (value - min) / span;
        return FRAME.left() + ratio * (FRAME.right() - FRAME.left());
    }

    private static double y(double value, double min, double max) {
        double span = max - min;
        double ratio = span <= 0 ? 0 : (value - min) / span;
        return FRAME.bottom() - ratio * (FRAME.bottom() - FRAME.top());
    }

    /** 0 → 4, otherwise the next of 1, 2, 5 × 10^n at or above, so the four grid steps are round. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 4;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 4, 5, 8, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
