package dev.autocoder.workers.javamodel;

import java.util.List;

/**
 * A {@code throw} statement.
 *
 * @param type     the thrown type when it is a {@code new T(...)}, else null (a rethrow of a variable)
 * @param message  the literal message of the exception when there is one, else null
 * @param inCatch  inside a catch block
 * @param caughtBy the types the catch clauses of the enclosing {@code try} statements (within the method) catch,
 *                 innermost first; empty when no {@code try} block encloses the throw
 */
public record ThrowSite(String type, String message, int line, boolean inCatch, String text, List<String> caughtBy) {
}
