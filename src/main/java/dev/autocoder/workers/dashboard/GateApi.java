package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.gate.GateCommand;
import dev.autocoder.workers.gate.QualityGate;
import dev.autocoder.workers.gate.SarifLog;
import org.springframework.stereotype.Component;

/** The web side of the quality gate: what {@code GET /api/gate} and {@code GET /api/sarif} answer (routes/api.yaml). */
@Component("gateApi")
public class GateApi {

    private final QualityGate gate;
    private final SarifLog sarif;

    public GateApi(QualityGate gate, ObjectMapper mapper, SecretRedactor redactor) {
        this.gate = gate;
        this.sarif = new SarifLog(mapper, redactor, GateCommand.version());
    }

    /** The gate with its conditions, baseline and new against overall per perspective, without the finding list. */
    public ApiAnswer gate() {
        return gate(null);
    }

    /** The same for one target ({@code ?target=}); without one, the single target's gate or every target's rows together. */
    public ApiAnswer gate(TargetChoice target) {
        return new ApiAnswer(200, gate.current(target == null ? null : target.filter()).summary());
    }

    /** The latest findings as SARIF 2.1.0, with their baseline states. */
    public ApiAnswer sarif() {
        return sarif(null);
    }

    public ApiAnswer sarif(TargetChoice target) {
        return new ApiAnswer(200, sarif.of(gate.current(target == null ? null : target.filter())));
    }
}
