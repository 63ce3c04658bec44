package dev.autocoder.workers.implementation.model;

import dev.autocoder.workers.implementation.row.ModelCall;

/**
 * The language model's contribution to a stage.
 *
 * @param narrative the answer (null when there is none)
 * @param call      how the call went
 */
public record Advice(String narrative, ModelCall call) {

    public boolean answered() {
        return narrative != null;
    }
}
