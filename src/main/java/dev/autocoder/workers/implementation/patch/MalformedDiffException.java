package dev.autocoder.workers.implementation.patch;

/** The text is not a unified diff this package can apply; the message says where and why. */
final class MalformedDiffException extends Exception {

    MalformedDiffException(String message) {
        super(message);
    }
}
