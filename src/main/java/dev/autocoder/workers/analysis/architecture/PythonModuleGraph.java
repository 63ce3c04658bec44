package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.pythonmodel.PythonImport;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.pythonmodel.PythonModules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The import graph of a repository's own Python modules: an edge a → b when module a imports module b (or a name
 * from it). Imports are resolved the way the import system would find them from the repository:
 * <ul>
 *   <li>a module's dotted name follows its {@code __init__.py} packages ({@code src/shop/orders.py} is
 *       {@code shop.orders}, so {@code src/} layouts resolve); a package's {@code __init__.py} is the package;</li>
 *   <li>files in folders without {@code __init__.py} (namespace packages) are also known by their folder path
 *       ({@code ns/pkg/mod.py} as {@code ns.pkg.mod}, a leading {@code src/} or {@code lib/} dropped);</li>
 *   <li>{@code from a.b import c} names module {@code a.b.c} when the repository has it, else {@code a.b};
 *       {@code import a.b} names {@code a.b}; a module inside a project package that has no source in the repository
 *       (a compiled extension such as {@code yaml._yaml}, or psutil's {@code from . import _psutil_osx}, a name its
 *       package never binds) is counted as unresolved and makes no edge;</li>
 *   <li>a top-level module in a sub-folder that is no package ({@code scripts/util.py}) is only importable from its
 *       own folder (Python puts a script's folder on {@code sys.path}), so {@code import logging} elsewhere never
 *       resolves to {@code scripts/logging.py}; top-level modules at the root, in {@code src/} or {@code lib/} resolve
 *       from anywhere;</li>
 *   <li>anything else (the standard library, third-party packages) is external and never an edge.</li>
 * </ul>
 * Edges keep when their import runs ({@link PythonImport.When}) and the first file and line that create them.
 */
final class PythonModuleGraph {

    /**
     * One module of the repository.
     *
     * @param main whether it is main code (else test code: fixtures and generated files are not in the graph)
     */
    record Module(String path, String name, String packageName, boolean main) {
    }

    /**
     * What the import system sets on a module before its code runs (the Python model's IMPORT_SYSTEM_ATTRIBUTES):
     * hypothesis' {@code belongs_to(hypothesis)} reads {@code package.__file__} of its package still initializing.
     */
    static final Set<String> IMPORT_SYSTEM_ATTRIBUTES = Set.of("__name__", "__file__", "__path__", "__spec__",
            "__loader__", "__package__", "__doc__", "__dict__");

    /**
     * The first import statement (by file, then line) creating an edge, or the first that reads names when a later
     * one does and the first does not.
     *
     * @param readsNames whether one of its statements reads names of the module while the importer initializes:
     *                   {@code from m import name}, a star import, or a bound module read outside functions
     * @param names      the names those statements need the module to have bound ({@code *}: any, unknown which),
     *                   each at the first line that reads it: the import's own for {@code from m import name}, a
     *                   later one for a bound module's attribute; empty for a star import, which takes what is there
     */
    record Edge(String from, String to, String file, int line, boolean readsNames, Map<String, Integer> names) {

        Edge orReading(Edge later) {
            Map<String, Integer> all = new TreeMap<>(names);
            later.names.forEach((name, at) -> all.merge(name, at, Math::min));
            Edge first = readsNames || !later.readsNames ? this : later;
            return new Edge(from, to, first.file, first.line, readsNames || later.readsNames, Map.copyOf(all));
        }
    }

    /** A module's {@code from target import *} at its line. */
    record StarImport(int line, String target) {
    }

    private final Map<String, Module> modulesByName = new TreeMap<>();
    private final Map<String, List<Module>> byImportName = new HashMap<>();
    /** when → from → to → first edge. */
    private final Map<PythonImport.When, Map<String, SortedMap<String, Edge>>> edges = new HashMap<>();
    /** External top-level name → importing files. */
    private final Map<String, Set<String>> externalUsers = new TreeMap<>();
    private final Map<PythonImport.When, Integer> projectImports = new HashMap<>();
    /** Module → the line where it first binds each module-level name; its {@code __all__}; its star imports. */
    private final Map<String, Map<String, Integer>> bindingsOf = new HashMap<>();
    private final Map<String, List<String>> declaredExports = new HashMap<>();
    private final Map<String, List<StarImport>> starImportsOf = new HashMap<>();
    private final Set<String> starImporting = new HashSet<>();
    /** {@code package.name} of each {@code from . import name} a package's {@code __init__} makes. */
    private final Set<String> ownSubmoduleImports = new HashSet<>();
    private int unresolvedImports;

    /**
     * @param files   the modelled Python files that take part (main and test code, parsed)
     * @param isMain  whether a path is main code
     * @param leftOut the module names of the Python files that take no part (generated, fixtures, unparseable):
     *                {@code from pkg import gen} of one imports that module, not {@code pkg}'s names
     */
    static PythonModuleGraph build(Collection<PythonModelProvider.Modelled> files, java.util.function.Predicate<String> isMain,
                                   Set<String> leftOut) {
        PythonModuleGraph graph = new PythonModuleGraph();
        List<PythonModelProvider.Modelled> ordered = files.stream()
                .sorted(Comparator.comparing(m -> m.model().path())).toList();
        for (PythonModelProvider.Modelled file : ordered) {
            String path = file.model().path();
            String name = uniqueName(graph.modulesByName, file.module(), path);
            Module module = new Module(path, name, packageOf(path, file.module()), isMain.test(path));
            graph.modulesByName.put(name, module);
            graph.bindingsOf.put(name, file.bindings());
            graph.declaredExports.put(name, file.exports());
            if (file.imports().stream().anyMatch(PythonImport::star)) {
                graph.starImporting.add(name);
            }
            file.imports().stream().filter(i -> i.name() != null && i.module().equals(file.module()))
                    .forEach(i -> graph.ownSubmoduleImports.add(name + "." + i.name()));
            graph.byImportName.computeIfAbsent(file.module(), k -> new ArrayList<>()).add(module);
            String folderName = folderName(path);
            if (!folderName.equals(file.module())) {
                graph.byImportName.computeIfAbsent(folderName, k -> new ArrayList<>()).add(module);
            }
        }
        Map<String, Module> byPath = new HashMap<>();
        graph.modulesByName.values().forEach(m -> byPath.put(m.path(), m));
        for (PythonModelProvider.Modelled file : ordered) {
            Module from = byPath.get(file.model().path());
            List<PythonImport> imports = file.imports().stream()
                    .sorted(Comparator.comparingInt(PythonImport::line)).toList();
            for (PythonImport written : imports) {
                // idna's `from . import idnadata`, a generated table: no edge to the package
                if (written.name() == null || !leftOut.contains(written.qualified())) {
                    graph.add(written, from);
                }
            }
        }
        return graph;
    }

    /** One import statement: an edge to a project module, an external package's user, or an unresolved import. */
    private void add(PythonImport written, Module from) {
        Module target = resolve(written, from);
        if (target == null && insideProject(written.module(), from)
                || target != null && compiledSubmodule(written, target)) {
            unresolvedImports++;
        } else if (target == null) {
            externalUsers.computeIfAbsent(topLevel(written.module()), k -> new TreeSet<>()).add(from.path());
        } else if (target != from) {
            projectImports.merge(written.when(), 1, Integer::sum);
            boolean submodule = written.name() != null && target.name().equals(written.qualified());
            boolean takesName = written.name() != null && !submodule;
            Map<String, Integer> names = new TreeMap<>();
            if (takesName && !written.star()) {
                names.put(written.name(), written.line());
            } else if (written.bindingRead() && !written.star()) {
                // a read above the statement is of another import's binding of the same name
                written.attributes().forEach((attribute, at) -> names.put(attribute, Math.max(at, written.line())));
            }
            boolean reads = written.bindingRead() && readsImportedModule(written)
                    && !onlyImportSystemAttributes(names.keySet()) || takesName;
            if (written.star() && written.when() == PythonImport.When.IMPORT_TIME) {
                starImportsOf.computeIfAbsent(from.name(), k -> new ArrayList<>()).add(new StarImport(written.line(), target.name()));
            }
            edges.computeIfAbsent(written.when(), k -> new HashMap<>())
                    .computeIfAbsent(from.name(), k -> new TreeMap<>())
                    .merge(target.name(), new Edge(from.name(), target.name(), from.path(), written.line(), reads,
                                    Map.copyOf(names)),
                            Edge::orReading);
        }
    }

    /**
     * Whether {@code from package import name} takes a submodule without source in the repository: the package binds
     * no such name but by importing that submodule itself (and star-imports nothing that could), so Python imports
     * {@code package.name} as a submodule, a compiled extension (psutil's {@code from . import _psutil_linux}, and
     * {@code _psutil_posix}, which its package imports too); a missing one fails on every import, cycle or not.
     */
    private boolean compiledSubmodule(PythonImport written, Module target) {
        return written.name() != null && !written.star() && target.name().equals(written.module())
                && PythonModules.isPackageInit(target.path()) && !starImporting.contains(target.name())
                && (!bindingsOf.getOrDefault(target.name(), Map.of()).containsKey(written.name())
                || ownSubmoduleImports.contains(target.name() + "." + written.name()))
                && !IMPORT_SYSTEM_ATTRIBUTES.contains(written.name());
    }

    /** What the import system sets on every module is there before its code runs: no read to wait for. */
    private static boolean onlyImportSystemAttributes(Set<String> names) {
        return !names.isEmpty() && IMPORT_SYSTEM_ATTRIBUTES.containsAll(names);
    }

    /**
     * Whether reading the binding reads the module imported: {@code import a.b} binds {@code a}, and reads of
     * {@code a.c..} are of another member (dnspython's dns.name has {@code import dns.wire} beside reads of
     * {@code dns.enum}, {@code dns.exception} while it is imported, none of {@code dns.wire}).
     */
    private static boolean readsImportedModule(PythonImport written) {
        if (written.name() != null || written.alias() != null || !written.module().contains(".")) {
            return true;
        }
        String member = written.module().split("\\.")[1];
        return written.attributes().containsKey("*") || written.attributes().containsKey(member);
    }

    /**
     * The project module an import names: {@code from m import n} names submodule {@code m.n} when the repository
     * has it, else {@code m}; {@code import m} names {@code m}. Null when neither is a project module.
     */
    private Module resolve(PythonImport imported, Module from) {
        if (imported.name() != null) {
            Module submodule = lookup(imported.module() + "." + imported.name(), from);
            if (submodule != null) {
                return submodule;
            }
        }
        return lookup(imported.module(), from);
    }

    private Module lookup(String name, Module from) {
        List<Module> modules = byImportName.get(name);
        if (modules == null) {
            return null;
        }
        List<Module> visible = modules.stream().filter(m -> visibleFrom(m, name, from)).toList();
        // Several files answer to one name (copies, or test helpers in different folders): the nearest one.
        return visible.stream().max(Comparator.comparingInt((Module m) -> commonFolderDepth(m.path(), from.path()))
                .thenComparing(Module::path, Comparator.reverseOrder())).orElse(null);
    }

    /**
     * Whether an unresolved name lies inside a project package ({@code pkg._speedups} of a compiled extension, or a
     * generated module): not external, but no edge either, as importing a missing submodule reads nothing of the
     * package that may still be initializing.
     */
    private boolean insideProject(String name, Module from) {
        for (String prefix = parent(name); !prefix.isEmpty(); prefix = parent(prefix)) {
            if (lookup(prefix, from) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean visibleFrom(Module module, String name, Module from) {
        if (name.contains(".") || PythonModules.isPackageInit(module.path())) {
            return true;
        }
        String folder = folderOf(module.path());
        return folder.isEmpty() || folder.equals("src") || folder.equals("lib") || folder.equals(folderOf(from.path()));
    }

    /** The line where the module first binds each of its module-level names. */
    Map<String, Integer> bindingsOf(String module) {
        return bindingsOf.getOrDefault(module, Map.of());
    }

    /**
     * The names {@code from module import *} takes: its {@code __all__}, else its public module-level names and
     * what its own star imports take (a package's {@code from .function import *}).
     */
    Set<String> exportsOf(String module) {
        return exportsOf(module, new HashSet<>());
    }

    private Set<String> exportsOf(String module, Set<String> seen) {
        List<String> declared = declaredExports.getOrDefault(module, List.of());
        if (!declared.isEmpty()) {
            return Set.copyOf(declared);
        }
        Set<String> names = new HashSet<>();
        if (seen.add(module)) {
            bindingsOf(module).keySet().stream().filter(n -> !n.startsWith("_")).forEach(names::add);
            starImportsOf(module).forEach(star -> names.addAll(exportsOf(star.target(), seen)));
        }
        return names;
    }

    /** The module's import-time star imports of project modules. */
    List<StarImport> starImportsOf(String module) {
        return starImportsOf.getOrDefault(module, List.of());
    }

    /** Every module, by unique name. */
    Map<String, Module> modules() {
        return modulesByName;
    }

    /** The first edge from → to of imports running at one of the given times, or null. */
    Edge edge(String from, String to, Set<PythonImport.When> when) {
        return when.stream()
                .map(w -> edges.getOrDefault(w, Map.of()).getOrDefault(from, new TreeMap<>()).get(to))
                .filter(java.util.Objects::nonNull)
                .min(Comparator.comparing(Edge::file).thenComparingInt(Edge::line))
                .orElse(null);
    }

    /** Module → the modules it imports at one of the given times, every module a key, sorted. */
    Map<String, List<String>> adjacency(Set<PythonImport.When> when, java.util.function.Predicate<Module> included) {
        Map<String, List<String>> adjacency = new TreeMap<>();
        modulesByName.forEach((name, module) -> {
            if (!included.test(module)) {
                return;
            }
            TreeSet<String> targets = new TreeSet<>();
            for (PythonImport.When w : when) {
                targets.addAll(edges.getOrDefault(w, Map.of()).getOrDefault(name, new TreeMap<>()).keySet());
            }
            targets.removeIf(t -> !included.test(modulesByName.get(t)));
            adjacency.put(name, List.copyOf(targets));
        });
        return adjacency;
    }

    /** Import statements that name a project module and run at the given time. */
    int projectImports(PythonImport.When when) {
        return projectImports.getOrDefault(when, 0);
    }

    /** Imports of modules inside a project package that the repository has no source for (compiled extensions). */
    int unresolvedImports() {
        return unresolvedImports;
    }

    /** External top-level package → number of repository files importing it. */
    Map<String, Integer> externalPackageUsage() {
        Map<String, Integer> usage = new LinkedHashMap<>();
        externalUsers.forEach((name, users) -> usage.put(name, users.size()));
        return usage;
    }

    /** The package a module belongs to: itself for an {@code __init__.py}, else its dotted parent ("" at the top). */
    static String packageOf(String path, String module) {
        return PythonModules.isPackageInit(path) ? module : parent(module);
    }

    /** The module's name by folder path: {@code ns/pkg/mod.py} is {@code ns.pkg.mod}; a leading src/ or lib/ dropped. */
    static String folderName(String path) {
        String p = path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
        if (p.endsWith("/__init__")) {
            p = p.substring(0, p.length() - "/__init__".length());
        }
        if (p.startsWith("src/") || p.startsWith("lib/")) {
            p = p.substring(4);
        }
        return p.replace('/', '.');
    }

    private static String uniqueName(Map<String, Module> taken, String module, String path) {
        // Two files with one module name (tests/conftest.py and docs/conftest.py) stay apart: the second by its path.
        return taken.containsKey(module) ? module + " (" + path + ")" : module;
    }

    private static int commonFolderDepth(String a, String b) {
        String[] x = folderOf(a).split("/");
        String[] y = folderOf(b).split("/");
        int depth = 0;
        while (depth < x.length && depth < y.length && x[depth].equals(y[depth])) {
            depth++;
        }
        return depth;
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String parent(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? "" : dotted.substring(0, dot);
    }

    private static String topLevel(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? dotted : dotted.substring(0, dot);
    }
}
