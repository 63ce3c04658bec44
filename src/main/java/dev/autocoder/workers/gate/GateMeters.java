package dev.autocoder.workers.gate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code autocoder.quality.gate} [autocoder_quality_gate] gauge, tag status (passed, failed, unknown): 1 for the
 * gate's current status, 0 for the others, so an alert is {@code autocoder_quality_gate{status="failed"} == 1}.
 * The gauge reads the gate as last evaluated (after each analysis row), never evaluates it itself.
 */
@Component
class GateMeters {

    GateMeters(ObjectProvider<MeterRegistry> meters, QualityGate gate) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) {
            return;
        }
        for (GateStatus status : new GateStatus[]{GateStatus.PASSED, GateStatus.FAILED, GateStatus.UNKNOWN}) {
            Gauge.builder("autocoder.quality.gate", gate, g -> g.lastStatus() == status ? 1 : 0)
                    .description("1 for the quality gate's current status (passed, failed, unknown), 0 for the others")
                    .tag("status", status.label())
                    .register(registry);
        }
    }
}
