package dev.autocoder.workers.analysis.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
 * by statement order (a base class bound before the import that leads back), and moving an import breaks it. A
 * read is checked at its own line: a submodule the reader's imports have loaded by then is bound on its package
 * (eventlet's {@code greenio.base} reads {@code eventlet.patcher}, which its {@code from eventlet.hubs import ..}
 * above the read loads), and holds by statement order too.
 * A member whose package lies outside the cycle may never be first either: when the package's own imports reach
 * another member first (astroid's package loads {@code spec} before {@code modutils}, and only {@code modutils}
 * first would fail), the failure holds by the package's statement order.
 * <p>
 * Walked with an explicit stack, as {@link StronglyConnectedComponents} is, so a cycle of thousands of modules
 * cannot overflow the call stack.
 */
final class ImportOrder {

    private final Map<String, List<Step>> stepsOf = new HashMap<>();
    private final Set<String> members;
    private final PythonModuleGraph graph;
    private final Map<String, List<String>> adjacency;

    /** @param members the modules of one strongly connected component of the import-time graph */
    ImportOrder(PythonModuleGraph graph, Map<String, List<String>> adjacency, Set<String> members) {
        this.members = members;
        this.graph = graph;
        this.adjacency = adjacency;
        for (String from : members) {
            stepsOf.put(from, stepsInLineOrder(from));
        }
    }

    /**
     * One step of a member's body that the replay follows: an import (of a member, or of a module outside the cycle,
     * which loads it and all it imports), or the reads of names of a member at a line ({@code names} not null).
     */
    private record Step(int line, PythonModuleGraph.Edge edge, Set<String> names) {

        boolean reads() {
            return names != null;
        }
    }

    /** Imports before reads on one line: {@code from m import x} imports m, then reads x. */
    private List<Step> stepsInLineOrder(String module) {
        List<Step> steps = new ArrayList<>();
        for (String to : adjacency.getOrDefault(module, List.of())) {
            PythonModuleGraph.Edge edge = graph.edge(module, to, PythonArchitecture.IMPORT_TIME);
            steps.add(new Step(edge.line(), edge, null));
            if (members.contains(to) && edge.readsNames()) {
                Map<Integer, Set<String>> byLine = new TreeMap<>();
                edge.names().forEach((name, at) -> byLine.computeIfAbsent(at, k -> new TreeSet<>()).add(name));
                if (edge.names().isEmpty()) {
                    byLine.put(edge.line(), Set.of()); // a star import takes what is there at its line
                }
                byLine.forEach((at, names) -> steps.add(new Step(at, edge, Set.copyOf(names))));
            }
        }
        steps.sort(Comparator.comparingInt(Step::line).thenComparing(Step::reads));
        return List.copyOf(steps);
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
                String entered = enteredFirst(first);
                if (entered == null) {
                    return Optional.of(found);
                }
                Failure real = replay(entered);
                if (real != null && !real.holdsByOrder()) {
                    return Optional.of(real);
                }
                found = new Failure(first, found.edge(), true, outermostPackage(first), entered, Set.of());
            }
            ordered = ordered == null ? found : ordered;
        }
        return Optional.ofNullable(ordered);
    }

    /**
     * Importing {@code first} before the other members makes {@code edge} read a module still initializing.
     *
     * @param holdsByOrder whether that module has bound every name read by then, or {@code first} is never imported
     *                     first: it works until an import moves
     * @param orderedBy    the package outside the cycle whose imports load {@code loadedFirst} before {@code first};
     *                     null when {@code first} can be imported first
     * @param loadedFirst  the member that package's imports reach first; null when {@code orderedBy} is
     * @param loadedSubmodules where it holds by order: the names read that the module has bound only as submodules
     *                     the reader's imports loaded between its import and the read ({@code eventlet.patcher})
     */
    record Failure(String first, PythonModuleGraph.Edge edge, boolean holdsByOrder, String orderedBy,
                   String loadedFirst, Set<String> loadedSubmodules) {

        Failure(String first, PythonModuleGraph.Edge edge, boolean holdsByOrder, Set<String> loadedSubmodules) {
            this(first, edge, holdsByOrder, null, null, loadedSubmodules);
        }
    }

    /**
     * The member Python starts first when {@code member} is imported, where the packages around it lie outside the
     * cycle and their imports reach another member first; null when that is {@code member} itself (or a package of
     * it in the cycle, which {@link #replay} starts first anyway). Walks the import-time imports in line order, each
     * module's packages before it, as the import system does.
     */
    private String enteredFirst(String member) {
        Set<String> seen = new HashSet<>();
        Deque<Walk> stack = new ArrayDeque<>();
        stack.push(new Walk(member));
        while (!stack.isEmpty()) {
            Walk walk = stack.peek();
            if (walk.imports == null) {
                if (seen.contains(walk.module)) {
                    stack.pop();
                    continue;
                }
                String unseenPackage = outermostUnseenPackage(walk.module, seen);
                if (unseenPackage != null) {
                    stack.push(new Walk(unseenPackage));
                    continue;
                }
                if (members.contains(walk.module)) {
                    return walk.module.equals(member) || member.startsWith(walk.module + ".") ? null : walk.module;
                }
                seen.add(walk.module);
                walk.imports = importsInLineOrder(walk.module).iterator();
            } else if (walk.imports.hasNext()) {
                stack.push(new Walk(walk.imports.next()));
            } else {
                stack.pop();
            }
        }
        return null;
    }

    /** A module the walk of {@link #enteredFirst} imports, and the imports of its body left to run. */
    private static final class Walk {
        final String module;
        Iterator<String> imports;

        Walk(String module) {
            this.module = module;
        }
    }

    private static String outermostUnseenPackage(String module, Set<String> seen) {
        for (int dot = module.indexOf('.'); dot > 0; dot = module.indexOf('.', dot + 1)) {
            String parent = module.substring(0, dot);
            if (!seen.contains(parent)) {
                return parent;
            }
        }
        return null;
    }

    private static String outermostPackage(String module) {
        int dot = module.indexOf('.');
        return dot < 0 ? module : module.substring(0, dot);
    }

    private List<String> importsInLineOrder(String module) {
        return adjacency.getOrDefault(module, List.of()).stream()
                .sorted(Comparator.comparingInt(to -> graph.edge(module, to, PythonArchitecture.IMPORT_TIME).line()))
                .toList();
    }

    /** One module on the import stack: whether its body has started, and the next of its steps to run. */
    private static final class Frame {
        final String module;
        boolean started;
        int next;

        Frame(String module) {
            this.module = module;
        }

        Step takeNext(List<Step> steps) {
            Step step = steps.get(next);
            next++;
            return step;
        }
    }

    /**
     * The first read of a module still initializing when {@code first} is imported first: unbound names first. A
     * read is checked at its own line, so what the reader's imports loaded in between counts: a submodule done by
     * then is bound on its package.
     */
    private Failure replay(String first) {
        Map<String, Frame> initializing = new HashMap<>();
        Set<String> done = new HashSet<>();
        Deque<Frame> stack = new ArrayDeque<>();
        Failure ordered = null;
        push(stack, first);
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            List<Step> steps = stepsOf.get(frame.module);
            if (!frame.started && (initializing.containsKey(frame.module) || done.contains(frame.module))) {
                stack.pop(); // imported meanwhile, by its package or another member
            } else if (!frame.started) {
                initializing.put(frame.module, frame);
                frame.started = true;
            } else if (frame.next == steps.size()) {
                stack.pop();
                initializing.remove(frame.module);
                done.add(frame.module);
            } else {
                Step step = frame.takeNext(steps);
                String to = step.edge().to();
                Frame waiting = initializing.get(to);
                if (!step.reads() && !members.contains(to)) {
                    loadOutside(to, done);
                } else if (!step.reads() && waiting == null && !done.contains(to)) {
                    push(stack, to);
                } else if (step.reads() && waiting != null) {
                    Set<String> bound = boundWhileWaiting(waiting, done);
                    Set<String> loaded = doneSubmodules(waiting.module, done);
                    if (!union(bound, loaded).containsAll(step.names()) || step.names().contains("*")) {
                        return new Failure(first, step.edge(), false, Set.of());
                    }
                    Set<String> onlyLoaded = new TreeSet<>(step.names());
                    onlyLoaded.removeAll(bound);
                    ordered = ordered == null ? new Failure(first, step.edge(), true, Set.copyOf(onlyLoaded)) : ordered;
                }
            }
        }
        return ordered;
    }

    /**
     * Importing a module outside the cycle runs it and what it imports to the end: none of them leads back to a
     * member, or it would be one. Their packages outside the cycle load first.
     */
    private void loadOutside(String module, Set<String> done) {
        Deque<String> toLoad = new ArrayDeque<>(List.of(module));
        while (!toLoad.isEmpty()) {
            String next = toLoad.pop();
            if (members.contains(next) || !done.add(next)) {
                continue;
            }
            toLoad.addAll(adjacency.getOrDefault(next, List.of()));
            for (int dot = next.lastIndexOf('.'); dot > 0; dot = next.lastIndexOf('.', dot - 1)) {
                toLoad.add(next.substring(0, dot));
            }
        }
    }

    /** A package's submodules loaded by now: the import system binds each on its package once it is done. */
    private static Set<String> doneSubmodules(String module, Set<String> done) {
        Set<String> names = new HashSet<>();
        String prefix = module + ".";
        for (String other : done) {
            if (other.startsWith(prefix) && other.indexOf('.', prefix.length()) < 0) {
                names.add(other.substring(prefix.length()));
            }
        }
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The names a module still initializing has bound where it waits, at the import it runs: what the import system
     * set on it, its own bindings above that line, and what its star imports of modules done by then gave it.
     */
    private Set<String> boundWhileWaiting(Frame waiting, Set<String> done) {
        int line = stepsOf.get(waiting.module).get(waiting.next - 1).line();
        Set<String> bound = new HashSet<>(PythonModuleGraph.IMPORT_SYSTEM_ATTRIBUTES);
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
