package dev.autocoder.workers.dashboard;

/** Kafka mode: the control topic did not take a Start or Stop, so nothing changed anywhere (answered 503). */
class FleetControlUnavailableException extends RuntimeException {

    FleetControlUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
