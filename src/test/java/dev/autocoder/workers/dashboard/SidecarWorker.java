package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Test beans: a second worker, "sidecar", whose one perspective counts the snapshot's files (loaded with
 * dashboard-test/sidecar-worker.yaml), and a clock the test can shift ahead of the real time. Not a
 * {@code @Configuration}, so the library's component scan never adds it to other tests' applications: a test
 * that wants it passes this class to {@code App.start}.
 */
public class SidecarWorker {

    @Bean
    public Perspective fileCountPerspective() {
        return new Perspective() {
            @Override
            public String id() {
                return "file-count";
            }

            @Override
            public String name() {
                return "File Count";
            }

            @Override
            public String worker() {
                return "sidecar";
            }

            @Override
            public PerspectiveResult analyze(PerspectiveContext context) {
                int files = context.snapshot().files().size();
                return PerspectiveResult.ok(files + " files", null, List.of(), List.of(),
                        List.of(Metric.of("files", files)), Map.of());
            }
        };
    }

    @Bean
    public ShiftedClock clock() {
        return new ShiftedClock();
    }

    /** The real time plus a shift the test sets (rows carry real timestamps, so the two stay comparable). */
    public static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        public void shift(Duration shift) {
            this.shift = shift;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }
}
