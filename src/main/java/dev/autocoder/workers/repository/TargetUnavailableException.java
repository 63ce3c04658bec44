package dev.autocoder.workers.repository;

/**
 * The target repository cannot be read right now. The message names the configuration key at fault and never
 * carries a credential; it is safe to log and to publish.
 */
public class TargetUnavailableException extends RuntimeException {

    public TargetUnavailableException(String message) {
        super(message);
    }
}
