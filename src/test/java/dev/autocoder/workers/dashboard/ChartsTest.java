package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.row.FindingCounts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Chart coordinates come from the series alone: planted points land on exact pixels. */
class ChartsTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void qualityScoresMapIterationsAndScoresOntoThePlot() {
        // plot: x 48..624, y 12..192 (score 1 at the top, 0 at the bottom)
        PerspectiveAggregate architecture = perspective("architecture", List.of(
                new SeriesPoint(1, T, 0.0), new SeriesPoint(3, T, 0.5), new SeriesPoint(5, T, 1.0)));
        PerspectiveAggregate security = perspective("security", List.of(new SeriesPoint(2, T, 0.25)));
        Chart chart = Charts.qualityScores(aggregate(List.of(security, architecture), List.of()), List.of("architecture", "security"));

        assertThat(chart.empty()).isFalse();
        assertThat(chart.lines()).extracting(Chart.Line::name).containsExactly("Name of architecture", "Name of security");
        assertThat(chart.lines().get(0).points()).isEqualTo("48.0,192.0 336.0,102.0 624.0,12.0");
        assertThat(chart.lines().get(0).cssClass()).isEqualTo("series-0");
        assertThat(chart.lines().get(1).points()).isEqualTo("192.0,147.0");
        assertThat(chart.lines().get(1).lastValue()).isEqualTo("0.25");
        assertThat(chart.xTicks()).extracting(Chart.Tick::label).containsExactly("#1", "#5");
        assertThat(chart.yTicks()).extracting(Chart.Tick::label).containsExactly("0.00", "0.25", "0.50", "0.75", "1.00");
    }

    @Test
    void openFindingsUseTimeAndARoundedScale() {
        WorkerAggregate aggregate = aggregate(List.of(), List.of(
                new SeriesPoint(1, T, 30), new SeriesPoint(2, T.plusSeconds(60), 35), new SeriesPoint(3, T.plusSeconds(120), 10)));
        Chart chart = Charts.openFindings(aggregate);
        // scale 0..40: 35 → 192 - 35/40 × 180 = 34.5
        assertThat(chart.lines().get(0).points()).isEqualTo("48.0,57.0 336.0,34.5 624.0,147.0");
        assertThat(chart.yTicks()).extracting(Chart.Tick::label).containsExactly("0", "10", "20", "30", "40");
        assertThat(chart.xTicks()).extracting(Chart.Tick::label).containsExactly("11-24 10:00", "11-24 10:02");
    }

    @Test
    void noDataGivesAnEmptyChartWithAMessage() {
        assertThat(Charts.qualityScores(aggregate(List.of(), List.of()), List.of()).empty()).isTrue();
        assertThat(Charts.openFindings(aggregate(List.of(), List.of())).emptyText()).isEqualTo("No findings counted yet.");
    }

    @Test
    void niceCeilings() {
        assertThat(Charts.niceCeiling(0)).isEqualTo(4);
        assertThat(Charts.niceCeiling(3)).isEqualTo(4);
        assertThat(Charts.niceCeiling(35)).isEqualTo(40);
        assertThat(Charts.niceCeiling(101)).isEqualTo(200);
        assertThat(Charts.niceCeiling(1000)).isEqualTo(1000);
    }

    private static PerspectiveAggregate perspective(String id, List<SeriesPoint> scores) {
        return new PerspectiveAggregate(id, "Name of " + id, scores.size(), null, null, Map.of(), Map.of(), false,
                FindingCounts.of(null),
                List.of(), scores);
    }

    private static WorkerAggregate aggregate(List<PerspectiveAggregate> perspectives, List<SeriesPoint> open) {
        return new WorkerAggregate("analysis", "d", 0, 0, 0, 0, 0, 0, null, null, null, perspectives, open, Map.of(), RecentRows.none());
    }
}
