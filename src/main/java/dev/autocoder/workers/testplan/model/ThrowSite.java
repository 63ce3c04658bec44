package dev.autocoder.workers.testplan.model;

/**
 * A {@code throw} statement.
 *
 * @param type     the thrown type when it is a {@code new T(...)}, else null (a rethrow of a variable)
 * @param message  the literal message of the exception when there is one, else null
 * @param inCatch  inside a catch block
 */
public record ThrowSite(String type, String message, int line, boolean inCatch, String text) {
}
