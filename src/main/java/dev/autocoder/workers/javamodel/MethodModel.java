package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.repository.Interned;

import java.util.List;

/**
 * A method or constructor as the test planner sees it (built from PMD's syntax tree).
 *
 * @param signature   name with erased parameter types, e.g. {@code parse(String, int)}: the identity across commits
 * @param visibility  public, protected, package or private (as declared; see {@link TypeModel#visibility()})
 * @param returnType  as written; {@code void} for constructors
 * @param thrown      declared {@code throws} types as written
 * @param documentedThrows the exception types its javadoc's {@code @throws} and {@code @exception} tags name (simple
 *                    names): the contract tells callers when it fails so
 * @param bodyHash    SHA-256 prefix of the whitespace-normalized declaration: changes when the method changes
 * @param cyclomatic  1 + decision points (if, loops, case labels, catch, ?:, &&, ||)
 * @param returnsNull has a {@code return null;}
 * @param casts       target types of the casts that can fail where they stand, e.g. {@code (Order) o}, with their
 *                    lines and operands (as written)
 * @param closedParams parameters the method closes (a try-with-resources resource that is the parameter or a
 *                     wrapper around it, or {@code param.close()}): a resource handed to it is not leaked
 */
public record MethodModel(String name, String signature, String visibility, boolean isStatic, boolean constructor,
                          String returnType, List<Param> params, List<String> thrown, List<String> documentedThrows,
                          List<String> annotations,
                          int beginLine, int endLine, String bodyHash, int cyclomatic, boolean returnsNull,
                          List<Integer> nullReturnLines, List<String> casts, List<Integer> castLines, List<String> castOperands,
                          List<Invocation> invocations, List<ThrowSite> throwSites, List<CatchSite> catches,
                          List<Comparison> comparisons, List<Loop> loops, List<String> stringLiterals,
                          List<String> closedParams) {

    public MethodModel {
        name = Interned.string(name);
        signature = Interned.string(signature);
        visibility = Interned.string(visibility);
        returnType = Interned.string(returnType);
        thrown = Interned.strings(thrown);
        documentedThrows = documentedThrows.isEmpty() ? List.of() : Interned.strings(documentedThrows);
        annotations = Interned.strings(annotations);
        casts = Interned.strings(casts);
        castOperands = Interned.strings(castOperands);
        stringLiterals = Interned.strings(stringLiterals);
        closedParams = closedParams.isEmpty() ? List.of() : Interned.strings(closedParams);
        // exact-size and shared when empty: a large tree has a hundred thousand of these lists, mostly short
        params = List.copyOf(params);
        nullReturnLines = List.copyOf(nullReturnLines);
        castLines = List.copyOf(castLines);
        invocations = List.copyOf(invocations);
        throwSites = List.copyOf(throwSites);
        catches = List.copyOf(catches);
        comparisons = List.copyOf(comparisons);
        loops = List.copyOf(loops);
    }

    public boolean isPublic() {
        return visibility.equals("public");
    }

    public boolean hasAnnotation(String simpleName) {
        return annotations.stream().anyMatch(a -> a.equals(simpleName) || a.endsWith("." + simpleName));
    }

    /** The declared type of a parameter, if the name is one. */
    public String paramType(String name) {
        return params.stream().filter(p -> p.name().equals(name)).map(Param::type).findFirst().orElse(null);
    }

    /** Deepest nesting of loops that multiply the work ({@link Loop#growthDepth()}). */
    public int maxGrowthDepth() {
        return loops.stream().mapToInt(Loop::growthDepth).max().orElse(0);
    }
}
