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
 * Python's import order through the modules of one import cycle, to tell a cycle that can fail from one that
 * cannot. An import fails on a cycle only where it reads a name of a module that is still initializing
 * ({@code from a import x}, or {@code a.x} at the top level) and x is not defined yet; an {@code import a} whose
 * module reads {@code a}'s names only inside functions binds the half-made module and reads nothing of it. Which
 * import meets a half-made module depends on the module imported first, and a submodule is never first: Python
 * initializes its packages before it. So the cycle can fail when, for some member imported first, an import that
 * reads names reaches a module still initializing (networkx's hundreds of {@code import networkx as nx} cannot; a
 * {@code from .orders import place_order} met while orders waits on billing can). Whether the name happens to be
 * defined before the import runs is not modelled: such a cycle counts, as it holds only by statement order.
 * <p>
 * Walked with an explicit stack, as {@link StronglyConnectedComponents} is, so a cycle of thousands of modules
 * cannot overflow the call stack.
 */
final class ImportOrder {

    private final Map<String, List<PythonModuleGraph.Edge>> importsOf = new HashMap<>();
    private final Set<String> members;

    /** @param members the modules of one strongly connected component of the import-time graph */
    ImportOrder(PythonModuleGraph graph, Map<String, List<String>> adjacency, Set<String> members) {
        this.members = members;
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
     * An import that reads names of a module still initializing, and the member imported first that leads to it,
     * trying the members in order; empty when there is none: the cycle cannot fail.
     */
    Optional<Failure> failure() {
        for (String first : members) {
            PythonModuleGraph.Edge edge = failingImport(first);
            if (edge != null) {
                return Optional.of(new Failure(first, edge));
            }
        }
        return Optional.empty();
    }

    /** Importing {@code first} before the other members makes {@code edge} read a module still initializing. */
    record Failure(String first, PythonModuleGraph.Edge edge) {
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

    private PythonModuleGraph.Edge failingImport(String first) {
        Set<String> initializing = new HashSet<>();
        Set<String> done = new HashSet<>();
        Deque<Frame> stack = new ArrayDeque<>();
        push(stack, first);
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            List<PythonModuleGraph.Edge> imports = importsOf.get(frame.module);
            if (!frame.started && (initializing.contains(frame.module) || done.contains(frame.module))) {
                stack.pop(); // imported meanwhile, by its package or another member
            } else if (!frame.started) {
                initializing.add(frame.module);
                frame.started = true;
            } else if (frame.next == imports.size()) {
                stack.pop();
                initializing.remove(frame.module);
                done.add(frame.module);
            } else {
                PythonModuleGraph.Edge edge = frame.takeNext(imports);
                boolean waiting = initializing.contains(edge.to());
                if (waiting && edge.readsNames()) {
                    return edge;
                }
                if (!waiting && !done.contains(edge.to())) {
                    push(stack, edge.to());
                }
            }
        }
        return null;
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
