package dev.autocoder.workers.testplan.model;

/**
 * A loop in a method body.
 *
 * @param kind           for, for-each, while, do, or stream (a {@code forEach}/{@code stream()} pipeline)
 * @param depth          1 for an outermost loop
 * @param overCollection the loop iterates over a collection, array or stream (for-each, streams, index loops
 *                       bounded by {@code size()} or {@code length})
 * @param text           the loop header, whitespace-normalized
 */
public record Loop(String kind, int line, int depth, boolean overCollection, String text) {
}
