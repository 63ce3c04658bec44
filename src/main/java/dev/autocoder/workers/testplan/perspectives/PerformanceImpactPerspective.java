package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.Loop;
import dev.autocoder.workers.javamodel.LoopFactors;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.testplan.rules.IntegrationCatalog;
import dev.autocoder.workers.testplan.rules.IntegrationKind;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Performance Impact: in the methods in scope, loops over collections ({@code loop-over-collection}, info), loops
 * nested two or more deep ({@code nested-loops}: low at two, medium at three or more, counting only the loops that
 * multiply the work: a loop over what an enclosing loop's element holds, such as a map entry's list, visits each
 * nested element once, and one over elements written out runs a fixed number of times, {@link Loop#growthDepth()}),
 * calls that cross a process
 * boundary inside a loop over a collection, array or stream ({@code io-in-loop}: high for HTTP, a database,
 * messaging, a socket or a process, medium for the file system and concurrency, low in a loop that stops early with a
 * {@code break} or {@code return}, which mostly tries candidates until one works, and low for a file-system call on
 * the loop's element itself ({@code file.isDirectory()} for each file of a listing: the loop's own work, nothing to
 * batch; the same file read in every iteration stays medium); for-each, stream steps, index loops bounded by a size or
 * length, iterator loops — not a {@code while} on some other condition, which has no elements to batch; the
 * message names the loop, e.g. "for each element of `files`"; not a send the client queues and batches, such as
 * Kafka's {@code producer.send(record)}, unless the loop waits for each), and for changed methods the cyclomatic
 * complexity against the baseline commit ({@code complexity-increase}, medium, when it grew by
 * {@value #COMPLEXITY_STEP} or more).
 * <p>
 * Specifications: one performance test per method with nested loops, I/O in a loop or grown complexity.
 * Quality score: {@code 1 / (1 + (3 io + 2 nested + 1 complexity + 0.25 loops) / methods)} over the methods in
 * scope (at least 1); null when no method is in scope.
 */
@Component
class PerformanceImpactPerspective extends TestPlanningPerspective {

    static final int COMPLEXITY_STEP = 3;

    PerformanceImpactPerspective(TestPlanServices services) {
        super(services, "performance-impact", "Performance Impact");
    }

    /** A finding about what a method costs, and the reason it gives the method's performance test. */
    private record Cost(Finding finding, String reason) {
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        int loops = 0;
        int nested = 0;
        int io = 0;
        int grown = 0;
        List<Map<String, Object>> complexity = new ArrayList<>();
        for (MethodRef m : planning.scopeMethods()) {
            MethodModel method = m.method();
            for (Loop loop : method.loops()) {
                if (loop.overCollection()) {
                    loops++;
                    result.findings.add(finding("loop-over-collection", Severity.INFO, m, loop.line(),
                            "loop over a collection (" + loop.text() + "): running time grows with its size", loop.text()));
                }
            }
            List<Cost> costs = new ArrayList<>();
            Optional<Cost> nesting = nestedLoops(m);
            nesting.ifPresent(costs::add);
            nested += nesting.isPresent() ? 1 : 0;
            List<Cost> calls = ioInLoops(m);
            costs.addAll(calls);
            io += calls.size();
            Integer before = baselineComplexity(planning, m);
            if (before != null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("method", m.key());
                entry.put("before", before);
                entry.put("after", method.cyclomatic());
                complexity.add(entry);
                if (method.cyclomatic() - before >= COMPLEXITY_STEP) {
                    grown++;
                    costs.add(new Cost(finding("complexity-increase", Severity.MEDIUM, m, method.beginLine(),
                            "cyclomatic complexity grew from " + before + " to " + method.cyclomatic() + " since "
                                    + planning.baseline().substring(0, 12), m.key()),
                            "complexity " + before + " -> " + method.cyclomatic()));
                }
            }
            costs.forEach(c -> result.findings.add(c.finding()));
            if (!costs.isEmpty() && !method.visibility().equals("private")) {
                result.specifications.add(Specs.of(m, id(), "performance", method.name() + "_scalesWithInputSize",
                        "inputs of 10, 1,000 and 100,000 elements (" + String.join("; ", costs.stream().map(Cost::reason).toList()) + ")",
                        "calling " + method.signature() + " with each",
                        "the time per element does not grow with the size, and the I/O calls are batched",
                        List.of(), "roughly linear time; a bounded number of round trips",
                        costs.stream().map(c -> c.finding().id()).toList()));
            }
        }
        int methods = planning.scopeMethods().size();
        result.metric("loops_over_collections", loops).metric("nested_loop_methods", nested).metric("io_in_loops", io)
                .metric("complexity_increases", grown).metric("methods_in_scope", methods);
        result.details.put("complexity_changes", complexity);
        result.qualityScore = methods == 0 ? null : 1 / (1 + (3.0 * io + 2.0 * nested + grown + 0.25 * loops) / methods);
        // the nested-loop methods are among those in scope: one word for both
        CodeNouns.Noun method = CodeNouns.ofMethods(planning, planning.scopeMethods()).method();
        result.summary = method.of(methods) + " in scope: " + Plural.of(loops, "loop") + " over collections, "
                + method.of(nested) + " with nested loops, " + Plural.of(io, "I/O call") + " inside loops, "
                + Plural.of(grown, "complexity increase") + ".";
        if (io > 0) {
            result.recommendations.add("Batch the " + Plural.of(io, "I/O call")
                    + " made inside loops, and add a performance test for each.");
        }
        if (nested > 0) {
            result.recommendations.add("Measure the " + method.of(nested) + " with nested loops on large inputs.");
        }
        return result;
    }

    /** Loops whose sizes multiply: two deep is how a grid or a pair of lists is walked; three deep is rarely meant. */
    private static Optional<Cost> nestedLoops(MethodRef m) {
        MethodModel method = m.method();
        int growth = method.maxGrowthDepth();
        if (growth < 2) {
            return Optional.empty();
        }
        // the innermost of the loops that reach the growth: the message tells how deep they nest in all
        Loop inner = method.loops().stream().filter(l -> l.growthDepth() == growth)
                .max(Comparator.comparingInt(Loop::depth)).orElseThrow();
        Severity severity = growth >= 3 ? Severity.MEDIUM : Severity.LOW;
        return Optional.of(new Cost(finding("nested-loops", severity, m, inner.line(), "loops nest " + inner.depth() + " deep"
                + LoopFactors.multiplyingNote(inner.depth(), growth) + ": running time grows with the product "
                + "of the sizes", inner.text()), "loops nested " + inner.depth() + " deep"));
    }

    /** Calls that cross a boundary once per element of a collection. */
    private static List<Cost> ioInLoops(MethodRef m) {
        MethodModel method = m.method();
        List<Cost> costs = new ArrayList<>();
        for (Invocation call : method.invocations()) {
            Optional<IntegrationKind> kind = IntegrationCatalog.classify(call);
            if (call.collectionLoop() < 0 || kind.isEmpty() || !kind.get().crossesBoundary()
                    || kind.get() == IntegrationKind.CLOCK || kind.get() == IntegrationKind.ENVIRONMENT
                    || IntegrationCatalog.batched(call) && !awaited(method, call)) {
                continue;
            }
            Loop loop = method.loops().get(call.collectionLoop());
            // a round trip to a service per element is the N+1 to fix first; a file-system call is cheaper; a
            // loop that stops early mostly tries candidates in turn until one works (an address per family)
            boolean stopsEarly = call.hasFact(Invocation.LOOP_STOPS_EARLY);
            // a file-system call on each path of a listing is the loop's work: no batch call exists for it; so is
            // a socket made or bound for each address (tornado's bind_sockets): nothing goes on the wire
            boolean ownWork = kind.get() == IntegrationKind.FILE_SYSTEM && call.hasFact(Invocation.ON_LOOP_ELEMENT)
                    || IntegrationCatalog.local(call);
            Severity severity = stopsEarly || ownWork ? Severity.LOW
                    : kind.get().risk().equals("high") ? Severity.HIGH : Severity.MEDIUM;
            String called = CallNames.of(m, call);
            costs.add(new Cost(finding("io-in-loop", severity, m, call.line(), called + " (" + kind.get().label()
                    + ") for each " + loop.over() + " (line " + loop.line() + ")" + (stopsEarly
                    ? " until the loop stops (break or return): one round trip per element tried"
                    : IntegrationCatalog.local(call) ? ": a local handle made or set up on each element, the loop's own "
                    + "work: no round trip"
                    : ownWork ? ": one call on each element, the loop's own work"
                    : ": one round trip per element"), call.text()), called + " inside a loop"));
        }
        return costs;
    }

    private static Integer baselineComplexity(Planning planning, MethodRef m) {
        FileModel before = planning.baselineFiles().get(m.file().path());
        if (before == null) {
            return null;
        }
        return before.types().stream().filter(t -> t.qualifiedName().equals(m.type().qualifiedName()))
                .flatMap(t -> t.methods().stream()).filter(x -> x.signature().equals(m.method().signature()))
                .map(MethodModel::cyclomatic).findFirst().orElse(null);
    }

    private static Finding finding(String rule, Severity severity, MethodRef m, int line, String message, String snippet) {
        return Finding.of(rule, "Performance", severity, m.file().path(), line, line,
                m.type().simpleName() + "." + m.method().signature() + ": " + message, m.key() + " " + snippet);
    }

    /** Whether the line of a queued send also waits for its result ({@code producer.send(record).get()}). */
    private static boolean awaited(MethodModel method, Invocation send) {
        return method.invocations().stream().anyMatch(c -> c.line() == send.line() && c != send
                && (c.method().equals("get") || c.method().equals("join")));
    }
}
