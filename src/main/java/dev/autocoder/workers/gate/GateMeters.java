package dev.autocoder.workers.gate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code autocoder.quality.gate} [autocoder_quality_gate] gauge, tag status (passed, failed, unknown): 1 for the
 * gate's current status, 0 for the others, so an alert is {@code autocoder_quality_gate{status="failed"} == 1}.
 * With a list of targets each target has its own series, tagged {@code target} (its target id) as well, registered
 * when its gate is first evaluated; the single target's series stay as they were (no target tag).
 * The gauge reads the gate as last evaluated (after each analysis row), never evaluates it itself.
 */
@Component
class GateMeters {

    private static final String DESCRIPTION = "1 for the quality gate's current status (passed, failed, unknown), 0 for the others";
    private static final GateStatus[] STATUSES = {GateStatus.PASSED, GateStatus.FAILED, GateStatus.UNKNOWN};

    GateMeters(ObjectProvider<MeterRegistry> meters, QualityGate gate) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) {
            return;
        }
        if (gate.isPerTarget()) {
            gate.onNewTarget(target -> {
                for (GateStatus status : STATUSES) {
                    Gauge.builder("autocoder.quality.gate", gate, g -> g.lastStatus(target) == status ? 1 : 0)
                            .description(DESCRIPTION)
                            .tag("status", status.label())
                            .tag("target", target)
                            .register(registry);
                }
            });
            return;
        }
        for (GateStatus status : STATUSES) {
            Gauge.builder("autocoder.quality.gate", gate, g -> g.lastStatus() == status ? 1 : 0)
                    .description(DESCRIPTION)
                    .tag("status", status.label())
                    .register(registry);
        }
    }
}
