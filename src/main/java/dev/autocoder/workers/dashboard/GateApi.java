package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.gate.GateCommand;
import dev.autocoder.workers.gate.GateReport;
import dev.autocoder.workers.gate.QualityGate;
import dev.autocoder.workers.gate.SarifLog;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** The web side of the quality gate: what {@code GET /api/gate} and {@code GET /api/sarif} answer (routes/api.yaml). */
@Component("gateApi")
class GateApi {

    private final QualityGate gate;
    private final SarifLog sarif;

    private final TargetParameter targets;

    public GateApi(QualityGate gate, ObjectMapper mapper, SecretRedactor redactor, TargetParameter targets) {
        this.gate = gate;
        this.targets = targets;
        this.sarif = new SarifLog(mapper, redactor, GateCommand.version());
    }

    /**
     * The gate with its conditions, baseline and new against overall per perspective, without the finding list, of
     * one target ({@code ?target=}); without one, the single target's gate or, with a list of targets, the fleet's:
     * the worst of every target's own gate, each target's verdict beside it.
     */
    public ApiAnswer gate(TargetChoice target) {
        if (target != null && target.everyTarget()) {
            return new ApiAnswer(200, gate.fleet(targets.repositories()));
        }
        return new ApiAnswer(200, gate.current(target == null ? null : target.filter()).summary());
    }

    /**
     * The latest findings as SARIF 2.1.0, with their baseline states; with a list of targets and none named, every
     * target's runs, each naming its target.
     */
    public ApiAnswer sarif(TargetChoice target) {
        if (target != null && target.everyTarget()) {
            Map<String, GateReport> reports = new LinkedHashMap<>();
            targets.repositories().keySet().forEach(id -> reports.put(id, gate.current(id)));
            return new ApiAnswer(200, sarif.of(reports));
        }
        return new ApiAnswer(200, sarif.of(gate.current(target == null ? null : target.filter())));
    }
}
