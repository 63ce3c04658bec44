package dev.autocoder.workers.analysis.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Python's import order through the modules of one import cycle, to tell a cycle that fails from one that holds by
 * statement order and one that cannot fail. An import fails on a cycle only where it reads a name of a module that
 * is still initializing ({@code from a import x}, or {@code a.x} at the top level) and x is not bound yet; an
 * {@code import a} whose module reads {@code a}'s names only inside functions binds the half-made module and reads
 * nothing of it. Which import meets a half-made module depends on the module imported first, and a submodule is
 * never first: Python initializes its packages before it. So the replay imports each member first, runs each
 * module's imports in line order, and where an import that reads names reaches a module still initializing, looks
 * at what that module has bound above the import it waits on (its own bindings, and what its star imports of
 * finished modules gave it): a name missing there fails (networkx's hundreds of {@code import networkx as nx}
 * cannot; {@code from .orders import place_order} met while orders waits on billing does), every name there holds
 * by statement order (a base class bound before the import that leads back), and moving an import breaks it.
 * <p>
 * Walked with an explicit stack, as {@link StronglyConnectedComponents} is, so a cycle of thousands of modules
 * cannot overflow the call stack.
 */
final class ImportOrder {

    private final Map<String, List<PythonModuleGraph.Edge>> importsOf = new HashMap<>();
    private final Set<String> members;
    private final PythonModuleGraph graph;

    /** @param members the modules of one strongly connected component of the import-time graph */
    ImportOrder(PythonModuleGraph graph, Map<String, List<String>> adjacency, Set<String> members) {
        this.members = members;
        this.graph = graph;
        for (String from : members) {
            List<PythonModuleGraph.Edge> edges = new ArrayList<>();
            for (String to : adjacency.get(from)) {
                if (members.contains(to)) {
                    edges.add(graph.edge(from, to, PythonArchitecture.IMPORT_TIME));
                }
            }
            edges.sort(Comparator.comparingInt(PythonModuleGraph.Edge::line));
            importsOf.put(from, edges);
        }
    }

    /**
     * An import that reads names of a module still initializing that the module has not bound yet, and the member
     * imported first that leads to it, trying the members in order; else one that reads only names the module has
     * bound by then (the cycle holds by statement order); empty when no import reads a module still initializing.
     */
    Optional<Failure> failure() {
        Failure ordered = null;
        for (String first : members) {
            Failure found = replay(first);
            if (found != null && !found.holdsByOrder()) {
                return Optional.of(found);
            }
            ordered = ordered == null ? found : ordered;
        }
        return Optional.ofNullable(ordered);
    }

    /**
     * Importing {@code first} before the other members makes {@code edge} read a module still initializing.
     *
     * @param holdsByOrder whether that module has bound every name read by then: it works until an import moves
     */
    record Failure(String first, PythonModuleGraph.Edge edge, boolean holdsByOrder) {
    }

    /** One module on the import stack: whether its body has started, and the next of its imports to run. */
    private static final class Frame {
        final String module;
        boolean started;
        int next;

        Frame(String module) {
            this.module = module;
        }

        PythonModuleGraph.Edge takeNext(List<PythonModuleGraph.Edge> imports) {
            PythonModuleGraph.Edge edge = imports.get(next);
            next++;
            return edge;
        }
    }

    /** The first read of a module still initializing when {@code first} is imported first: unbound names first. */
    private Failure replay(String first) {
        Map<String, Frame> initializing = new HashMap<>();
        Set<String> done = new HashSet<>();
        Deque<Frame> stack = new ArrayDeque<>();
        Failure ordered = null;
        push(stack, first);
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            List<PythonModuleGraph.Edge> imports = importsOf.get(frame.module);
            if (!frame.started && (initializing.containsKey(frame.module) || done.contains(frame.module))) {
                stack.pop(); // imported meanwhile, by its package or another member
            } else if (!frame.started) {
                initializing.put(frame.module, frame);
                frame.started = true;
            } else if (frame.next == imports.size()) {
                stack.pop();
                initializing.remove(frame.module);
                done.add(frame.module);
            } else {
                PythonModuleGraph.Edge edge = frame.takeNext(imports);
                Frame waiting = initializing.get(edge.to());
                if (waiting == null && !done.contains(edge.to())) {
                    push(stack, edge.to());
                } else if (waiting != null && edge.readsNames()) {
                    if (!boundWhileWaiting(waiting, done).containsAll(edge.names()) || edge.names().contains("*")) {
                        return new Failure(first, edge, false);
                    }
                    ordered = ordered == null ? new Failure(first, edge, true) : ordered;
                }
            }
        }
        return ordered;
    }

    /**
     * The names a module still initializing has bound where it waits, at the import it runs: its own bindings above
     * that line, and what its star imports of modules done by then gave it.
     */
    private Set<String> boundWhileWaiting(Frame waiting, Set<String> done) {
        int line = importsOf.get(waiting.module).get(waiting.next - 1).line();
        Set<String> bound = new HashSet<>();
        graph.bindingsOf(waiting.module).forEach((name, at) -> {
            if (at < line) {
                bound.add(name);
            }
        });
        for (PythonModuleGraph.StarImport star : graph.starImportsOf(waiting.module)) {
            // a module outside the cycle cannot wait on it: imported, it is done
            if (star.line() < line && (done.contains(star.target()) || !members.contains(star.target()))) {
                bound.addAll(graph.exportsOf(star.target()));
            }
        }
        return bound;
    }

    /** The module, with its packages in the cycle on top of it: Python initializes the outermost first. */
    private void push(Deque<Frame> stack, String module) {
        stack.push(new Frame(module));
        for (int dot = module.lastIndexOf('.'); dot > 0; dot = module.lastIndexOf('.', dot - 1)) {
            String parent = module.substring(0, dot);
            if (members.contains(parent)) {
                stack.push(new Frame(parent));
            }
        }
    }
}
