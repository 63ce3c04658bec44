package dev.autocoder.workers.dashboard;

import java.util.List;

/**
 * A line chart ready for the SVG template: every coordinate is computed here from numbers only, and every
 * text (a perspective name) is escaped by the template. No script, no external library, no network.
 */
record Chart(String title, String description, int width, int height, boolean empty, String emptyText,
                    List<Line> lines, List<Tick> yTicks, List<Tick> xTicks, Frame frame) {

    /** One series: its polyline points ("x,y x,y ..."), its last point and a CSS class for its colour. */
    public record Line(String name, String cssClass, String points, String lastX, String lastY, String lastValue) {
    }

    /** An axis label at a position (anchor: start, middle or end of the text), with its grid line. */
    public record Tick(String x, String y, String label, String anchor) {
    }

    /** The plot area. */
    public record Frame(int left, int top, int right, int bottom) {
        public int width() {
            return right - left;
        }

        public int height() {
            return bottom - top;
        }
    }
}
