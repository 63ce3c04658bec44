package dev.autocoder.workers.implementation.patch;

/** A finding that has no safe mechanical fix here; the message says why, for a person to read. */
final class NotFixableException extends Exception {

    NotFixableException(String reason) {
        super(reason, null, false, false);
    }
}
