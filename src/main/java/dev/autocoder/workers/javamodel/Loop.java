package dev.autocoder.workers.javamodel;

/**
 * A loop in a method body.
 *
 * @param kind           for, for-each, while, do, or stream (a lambda passed to {@code forEach}, {@code map},
 *                       {@code filter}... of a stream)
 * @param depth          1 for an outermost loop
 * @param overCollection the loop iterates over a collection, array or stream (for-each, streams, index loops
 *                       bounded by {@code size()} or {@code length}, {@code while (it.hasNext())})
 * @param text           the loop header, whitespace-normalized
 * @param over           what a loop over a collection walks, for messages (e.g. {@code element of `files`});
 *                       null for other loops
 * @param growthDepth    how many of the loops from the outermost to this one multiply the work: {@code depth} less
 *                       those over elements written out in the code and those that walk what an enclosing loop's
 *                       element holds ({@code for (V v : entry.getValue())} inside {@code for (Entry<K, List<V>>
 *                       entry : map.entrySet())} visits each nested element once), see {@link LoopFactors}
 */
public record Loop(String kind, int line, int depth, boolean overCollection, String text, String over, int growthDepth) {
}
