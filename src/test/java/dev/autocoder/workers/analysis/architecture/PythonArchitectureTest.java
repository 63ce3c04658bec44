package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.repository.FileChurn;
import dev.autocoder.workers.repository.GitChurn;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.autocoder.workers.analysis.architecture.ArchitecturePerspectiveTest.metric;
import static org.assertj.core.api.Assertions.assertThat;

/** The architecture review of Python code: real git repositories, the real python3 model helper, real churn. */
class PythonArchitectureTest {

    @TempDir
    Path root;

    private final PythonModelProvider pythonModels = new PythonModelProvider("python3", Duration.ofSeconds(10));

    /**
     * A src-layout package with two planted circular imports (absolute: orders ↔ billing; relative: catalog.items ↔
     * catalog.prices), two imports that do not make cycles (one only under TYPE_CHECKING, one deferred into a
     * function), a circular import among test helpers, and a script folder whose logging.py must not capture
     * {@code import logging}.
     */
    private void plantedRepository(Git git) throws Exception {
        write("src/shop/__init__.py", "from .orders import place_order\n");
        write("src/shop/orders.py", """
                import logging
                import requests
                import shop.billing


                def place_order(items):
                    return shop.billing.charge(len(items))
                """);
        write("src/shop/billing.py", """
                import os

                from shop.orders import place_order


                def charge(amount):
                    if amount > 10:
                        return amount * 2
                    return amount
                """);
        write("src/shop/catalog/__init__.py", "");
        write("src/shop/catalog/items.py", "from . import prices\n\n\nclass Item:\n    pass\n");
        write("src/shop/catalog/prices.py", "from .items import Item\n\n\ndef price(item: Item) -> int:\n    return 1\n");
        write("src/shop/reports.py", """
                from typing import TYPE_CHECKING

                if TYPE_CHECKING:
                    from shop.customers import Customer


                def render(customer: "Customer") -> str:
                    return str(customer)
                """);
        write("src/shop/customers.py", "from shop.reports import render\n\n\nclass Customer:\n    pass\n");
        write("src/shop/audit.py", "def record():\n    from shop import ledger\n    return ledger\n");
        write("src/shop/ledger.py", "import shop.audit\n");
        write("tests/helpers.py", "from factories import order\n\n\ndef make():\n    return order()\n");
        write("tests/factories.py", "import helpers\n\n\ndef order():\n    return {}\n");
        write("tests/test_orders.py", "from shop.orders import place_order\n\n\ndef test_place():\n    assert place_order([])\n");
        write("scripts/logging.py", "print('a script that shadows logging in its own folder only')\n");
        commit(git, "planted");
    }

    @Test
    void findsPlantedCircularImportsWithRuleScopeAndSeverity() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            plantedRepository(git);
        }
        PerspectiveResult result = analyze();

        assertThat(result.status()).isEqualTo(Status.OK);
        List<Finding> cycles = result.findings().stream().filter(f -> f.rule().equals("import-cycle")).toList();
        assertThat(cycles).extracting(f -> f.severity() + " " + f.scopeOrMain() + " " + f.file() + ":" + f.line() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "HIGH MAIN src/shop/billing.py:3 Circular import among 2 modules: when shop.orders is imported first, "
                                + "shop.billing reads names of shop.orders before it has bound them (src/shop/billing.py:3); "
                                + "the imports: shop.billing → shop.orders (src/shop/billing.py:3), "
                                + "shop.orders → shop.billing (src/shop/orders.py:3)",
                        // `from . import prices` only binds the submodule: the import that breaks is prices' `from .items import Item`
                        "HIGH MAIN src/shop/catalog/prices.py:1 Circular import among 2 modules: when shop.catalog.items "
                                + "is imported first, shop.catalog.prices reads names of shop.catalog.items before it has bound "
                                + "them (src/shop/catalog/prices.py:1); the imports: shop.catalog.items → shop.catalog.prices "
                                + "(src/shop/catalog/items.py:1), shop.catalog.prices → shop.catalog.items (src/shop/catalog/prices.py:1)",
                        "MEDIUM TEST tests/helpers.py:1 Circular import among 2 test modules: when factories is imported first, "
                                + "helpers reads names of factories before it has bound them (tests/helpers.py:1); "
                                + "the imports: factories → helpers (tests/factories.py:1), helpers → factories (tests/helpers.py:1)");
        assertThat(cycles).allSatisfy(f -> assertThat(f.category()).isEqualTo("architecture"));
        // Neither the TYPE_CHECKING-only import (reports → customers) nor the deferred one (audit → ledger) cycles.
        assertThat(cycles).noneMatch(f -> f.message().contains("shop.customers") || f.message().contains("shop.ledger"));
        assertThat(metric(result, "import_cycles")).isEqualTo(3.0);
        assertThat(metric(result, "modules_in_import_cycles")).isEqualTo(6.0);
        assertThat(metric(result, "deferred_project_imports")).isEqualTo(1.0);
        assertThat(metric(result, "type_checking_project_imports")).isEqualTo(1.0);
        assertThat(metric(result, "python_test_modules")).isEqualTo(3.0);
        assertThat(metric(result, "python_modules")).isEqualTo(11.0);
        assertThat(result.summary()).startsWith("11 Python modules in 3 packages")
                .contains("3 circular imports involving 6 modules (not counting 1 deferred and 1 TYPE_CHECKING-only project imports)")
                // D counts no duck-typed abstraction: in the metrics, not in what a reader takes as the verdict
                .doesNotContain("main sequence");
        assertThat(result.recommendations().get(0)).startsWith("Break the 3 circular imports, starting with shop.billing, shop.orders: ");
    }

    @Test
    void resolvesSrcLayoutRelativeAndPackageImportsAndLeavesExternalOnesOut() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            plantedRepository(git);
        }
        Map<String, Object> python = map(analyze().details().get("python"));

        Map<String, Map<String, Object>> modules = byKey(list(python.get("most_coupled_modules")), "module");
        // orders imports shop.billing only: logging (the stdlib, not scripts/logging.py) and requests are external.
        assertThat(modules.get("shop.orders")).containsEntry("efferent", 1).containsEntry("afferent", 2);
        // The package __init__ imports its submodule; audit's deferred import counts for coupling.
        assertThat(modules.get("shop")).containsEntry("efferent", 1);
        assertThat(modules.get("shop.audit")).containsEntry("efferent", 1);
        // TYPE_CHECKING-only imports are no dependency.
        assertThat(modules).doesNotContainKey("shop.reports");
        assertThat(list(python.get("top_external_packages"))).extracting(e -> e.get("package"))
                .contains("logging", "requests", "os", "typing")
                .doesNotContain("shop", "factories", "helpers");

        Map<String, Map<String, Object>> packages = byKey(list(python.get("packages")), "name");
        assertThat(packages.keySet()).containsExactlyInAnyOrder("shop", "shop.catalog", "(top-level modules)");
        assertThat(packages.get("shop")).containsEntry("modules", 7).containsEntry("ca", 0).containsEntry("ce", 0);
    }

    /**
     * rich's shape: a module's demo block ({@code if __name__ == "__main__":}) imports the package's {@code __main__},
     * which imports the module. The block runs only when the module is the script, so no cycle.
     */
    @Test
    void anImportUnderTheMainGuardMakesNoCycle() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            write("fancy/__init__.py", "");
            write("fancy/__main__.py", "from fancy.pager import show\n\n\ndef card():\n    return show('card')\n");
            write("fancy/pager.py", """
                    def show(text):
                        return text


                    if __name__ == "__main__":
                        from .__main__ import card

                        print(card())
                    """);
            write("fancy/box.py", "import fancy.style\n\nBORDER = fancy.style.LINE\n");
            write("fancy/style.py", "import fancy.box\n\nLINE = '-'\n\nif '__main__' == __name__:\n    import fancy.pager\n");
            commit(git, "a demo block");
        }
        PerspectiveResult result = analyze();

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("import-cycle"))
                .extracting(Finding::message)
                .containsExactly("Circular import among 2 modules: when fancy.style is imported first, fancy.box reads "
                        + "names of fancy.style before it has bound them (fancy/box.py:1); the imports: "
                        + "fancy.box → fancy.style (fancy/box.py:1), fancy.style → fancy.box (fancy/style.py:1)");
        assertThat(metric(result, "script_project_imports")).isEqualTo(2.0);
        assertThat(result.summary()).contains("1 circular import involving 2 modules (not counting 0 deferred, "
                + "0 TYPE_CHECKING-only and 2 script-only (`if __name__ == \"__main__\":`) project imports)");
        // the demo block still depends on what it imports
        Map<String, Map<String, Object>> modules = byKey(list(map(result.details().get("python")).get("most_coupled_modules")), "module");
        assertThat(modules.get("fancy.pager")).containsEntry("efferent", 1);
    }

    /**
     * passlib's {@code passlib.hash} replaces itself with a proxy and imports every handler under {@code if False:},
     * the older spelling of {@code if TYPE_CHECKING:}, for type checkers and editors; the handlers import
     * {@code passlib.hash}. The block never runs, so no cycle (it was a high finding on passlib's first screen).
     */
    @Test
    void anImportUnderIfFalseIsForTypeCheckersOnly() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            write("vault/__init__.py", "");
            write("vault/registry.py", "PROXY = object()\n");
            write("vault/hash.py", """
                    import sys

                    from vault.registry import PROXY

                    sys.modules[__name__] = PROXY

                    if False:
                        from vault.handlers import md5_crypt
                    """);
            write("vault/handlers.py", "from vault.hash import sha256_crypt\n\n\ndef md5_crypt():\n    return sha256_crypt\n");
            commit(git, "a stub for editors");
        }
        PerspectiveResult result = analyze();

        assertThat(result.findings()).extracting(Finding::rule).doesNotContain("import-cycle");
        assertThat(metric(result, "type_checking_project_imports")).isEqualTo(1.0);
    }

    /**
     * idna's core does {@code from . import idnadata}, a generated table the graph leaves out: that imports the
     * submodule, not the package's names, so it is no edge to {@code idna} (it was a high two-module "cycle" with
     * {@code idna/__init__.py}, which imports core). Importing a name the package defines still is one.
     */
    @Test
    void importingAGeneratedSubmoduleIsNoEdgeToThePackage() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            write("idna/__init__.py", "from .core import encode\n\nVERSION = '3.3'\n");
            write("idna/idnadata.py", "# This file is automatically generated by tools/idna-data\n\nscripts = {'Greek': (1, 2)}\n");
            write("idna/core.py", "from . import idnadata\n\n\ndef encode(text):\n    return idnadata.scripts.get(text)\n");
            write("idna/codec.py", "from . import VERSION\nfrom .core import encode\n");
            write("idna/compat.py", "import idna.codec\n");
            commit(git, "idna's layout");
        }
        PerspectiveResult result = analyze();

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("import-cycle")).isEmpty();
        assertThat(metric(result, "python_unresolved_project_imports")).isEqualTo(0.0);
        Map<String, Map<String, Object>> modules = byKey(list(map(result.details().get("python")).get("most_coupled_modules")), "module");
        assertThat(modules.get("idna.codec")).containsEntry("efferent", 2);
    }

    /**
     * networkx's package imports its algorithms, and each algorithm does {@code import networkx as nx} and reads
     * {@code nx.Graph} only inside its functions: a cycle of 251 modules was a high finding, yet no import in it
     * reads a name of a module still initializing, whichever is imported first (a submodule never is: its package
     * is initialized before it). Reading {@code trees.TreeError} at the top level, as a base class, holds only
     * because the package binds it before it imports the module that reads it: medium.
     */
    @Test
    void aCycleIsRatedByWhatItsImportsReadWhileAModuleInitializes() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            write("graphs/__init__.py", "from graphs.classes import Graph\nfrom graphs.algorithms import *\n");
            write("graphs/classes.py", "import graphs as nx\n\n\nclass Graph:\n    def copy(self):\n        return nx.Graph()\n");
            write("graphs/algorithms/__init__.py", "from graphs.algorithms.paths import *\n");
            write("graphs/algorithms/paths.py", """
                    import graphs as nx

                    __all__ = ["shortest_path"]


                    def shortest_path(graph: "nx.Graph", source=None):
                        return nx.Graph()
                    """);
            write("trees/__init__.py", "from trees.errors import TreeError\nfrom trees.walk import walk\n");
            write("trees/errors.py", "class TreeError(Exception):\n    pass\n");
            write("trees/walk.py", "import trees\n\n\nclass NotATree(trees.TreeError):\n    pass\n\n\ndef walk(tree):\n    return tree\n");
            // names bound through star imports, a package's own star import of its modules too
            write("nets/__init__.py", "from nets.exception import *\nfrom nets.classes import *\nfrom nets import utils\n"
                    + "from nets import drawing\n\nVERSION = '1'\n");
            write("nets/exception.py", "class NetError(Exception):\n    pass\n");
            write("nets/classes/__init__.py", "from nets.classes.function import *\n");
            write("nets/classes/function.py", "import nets\n\n__all__ = ['density']\n\n\ndef density(g):\n    return nets.VERSION\n");
            write("nets/utils.py", "from nets import density, NetError\n");
            write("nets/drawing.py", "from nets import NetError\n");
            commit(git, "a package every module binds");
        }
        PerspectiveResult result = analyze();

        // trees binds TreeError before it imports walk, whose class reads it: that holds, until the imports move;
        // nets has NetError and density from its star imports (classes' own star import of function) by then
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("import-cycle"))
                .extracting(f -> f.severity() + " " + f.message())
                .containsExactly("MEDIUM Circular import among 5 modules: it holds only by statement order: when nets is "
                        + "imported first, nets.utils reads names of nets while it is still initializing, names it has "
                        + "bound by then (nets/utils.py:1); moving an import in nets breaks it; the imports: nets → "
                        + "nets.classes (nets/__init__.py:2), nets → nets.drawing (nets/__init__.py:4), nets → nets.utils "
                        + "(nets/__init__.py:3), nets.classes → nets.classes.function (nets/classes/__init__.py:1), "
                        + "nets.classes.function → nets (nets/classes/function.py:1), nets.drawing → nets "
                        + "(nets/drawing.py:1), nets.utils → nets (nets/utils.py:1)",
                        "MEDIUM Circular import among 2 modules: it holds only by statement order: when trees is "
                        + "imported first, trees.walk reads names of trees while it is still initializing, names it has "
                        + "bound by then (trees/walk.py:1); moving an import in trees breaks it; the imports: "
                        + "trees → trees.walk (trees/__init__.py:2), trees.walk → trees (trees/walk.py:1)");
        assertThat(metric(result, "import_cycles_that_cannot_fail")).isEqualTo(1.0);
        assertThat(result.summary()).contains("2 circular imports involving 7 modules (and 1 import cycle that cannot "
                + "fail: it only binds modules still initializing, reading their names inside functions)");
        // still dependencies for coupling
        Map<String, Map<String, Object>> modules = byKey(list(map(result.details().get("python")).get("most_coupled_modules")), "module");
        assertThat(modules.get("graphs.algorithms.paths")).containsEntry("efferent", 1);
    }

    /**
     * astroid's manager imports its {@code nodes} package and names {@code nodes.Module} only in annotations, under
     * {@code from __future__ import annotations}: nothing of {@code nodes} is read while the manager initializes, so
     * the cycle through the package cannot fail (it was a high finding leading astroid's screen). The same module
     * without the future import evaluates the annotation when the method is defined.
     */
    @Test
    void annotationsThatAreNeverEvaluatedReadNothingOnImport() throws Exception {
        String manager = """
                from PKG import nodes


                class Manager:
                    def build(self) -> nodes.Module:
                        return nodes.Module()

                    limit: nodes.Limit = 3
                """;
        String nodes = "from PKG import manager\n\n\nclass Module:\n    def manager(self):\n        return manager.Manager()\n";
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            for (String pkg : List.of("lazy", "eager")) {
                write(pkg + "/__init__.py", "");
                write(pkg + "/manager.py", (pkg.equals("lazy") ? "from __future__ import annotations\n\n" : "")
                        + manager.replace("PKG", pkg));
                write(pkg + "/nodes.py", nodes.replace("PKG", pkg));
            }
            commit(git, "two managers");
        }
        PerspectiveResult result = analyze();

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("import-cycle"))
                .extracting(f -> f.severity() + " " + f.file() + " " + f.message())
                .containsExactly("HIGH eager/manager.py Circular import among 2 modules: when eager.nodes is imported "
                        + "first, eager.manager reads names of eager.nodes before it has bound them (eager/manager.py:1); "
                        + "the imports: eager.manager → eager.nodes (eager/manager.py:1), eager.nodes → eager.manager "
                        + "(eager/nodes.py:1)");
    }

    /**
     * astroid's {@code modutils} imports {@code spec} before it binds {@code EXT_LIB_DIRS}, which {@code spec} takes
     * from it: imported first, {@code modutils} would fail. It never is: importing it initializes the package first,
     * whose imports load {@code spec} first. The cycle holds by the package's statement order (medium, saying so),
     * not high.
     */
    @Test
    void aCycleWhosePackageLoadsTheSafeMemberFirstHoldsByStatementOrder() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            write("tools/__init__.py", "from tools import spec\n");
            write("tools/spec.py", "from tools.modutils import EXT_DIRS\n\n\ndef find():\n    return EXT_DIRS\n");
            write("tools/modutils.py", "from tools import spec\n\nEXT_DIRS = []\n\n\ndef search():\n    return spec.find()\n");
            commit(git, "a package that orders its cycle");
        }
        PerspectiveResult result = analyze();

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("import-cycle"))
                .extracting(f -> f.severity() + " " + f.message())
                .containsExactly("MEDIUM Circular import among 2 modules: it holds only by statement order: when "
                        + "tools.modutils is imported first, tools.spec reads names of tools.modutils before it has bound "
                        + "them (tools/spec.py:1), but tools's own imports load tools.spec first; moving an import there "
                        + "breaks it; the imports: tools.modutils → tools.spec (tools/modutils.py:1), tools.spec → "
                        + "tools.modutils (tools/spec.py:1)");
    }

    /**
     * dnspython's {@code dns.name} and {@code dns.wire} import each other with {@code import dns.wire} and
     * {@code import dns.name}; while it is imported, {@code dns.name} reads {@code dns.enum} and
     * {@code dns.exception} through the binding {@code dns}, never {@code dns.wire}: whichever is imported first, the
     * cycle cannot fail (it was a high finding leading dnspython's screen). A twin whose class reads
     * {@code eagerd.wire.Parser} fails when {@code eagerd.wire} is imported first (checked with Python): high.
     */
    @Test
    void anImportOfAMemberReadsItOnlyWhereTheMemberIsRead() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            for (String pkg : List.of("lazyd", "eagerd")) {
                write(pkg + "/__init__.py", "");
                write(pkg + "/enum.py", "class Base:\n    pass\n");
                write(pkg + "/wire.py", "import PKG.name\n\n\nclass Parser:\n    def name(self):\n        return PKG.name.Name()\n"
                        .replace("PKG", pkg));
            }
            write("lazyd/name.py", "import lazyd.enum\nimport lazyd.wire\n\n\nclass Name(lazyd.enum.Base):\n"
                    + "    def parser(self):\n        return lazyd.wire.Parser()\n");
            write("eagerd/name.py", "import eagerd.enum\nimport eagerd.wire\n\n\nclass Name(eagerd.wire.Parser):\n    pass\n");
            commit(git, "two pairs of modules importing each other");
        }
        PerspectiveResult result = analyze();

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("import-cycle"))
                .extracting(f -> f.severity() + " " + f.message())
                .containsExactly("HIGH Circular import among 2 modules: when eagerd.wire is imported first, eagerd.name "
                        + "reads names of eagerd.wire before it has bound them (eagerd/name.py:2); the imports: "
                        + "eagerd.name → eagerd.wire (eagerd/name.py:2), eagerd.wire → eagerd.name (eagerd/wire.py:1)");
        assertThat(metric(result, "import_cycles_that_cannot_fail")).isEqualTo(1.0);
    }

    /**
     * Psutil's {@code _psposix} has {@code from . import _psutil_osx}, a compiled extension with no source in the
     * repository and a name the package never binds: Python imports it as a submodule, so the import reads nothing of
     * the package still initializing (it was a high import cycle leading psutil's screen); so does one the package
     * imports itself ({@code _psutil_posix}). Each counts as an unresolved project import. A twin whose package binds
     * the name by assignment below the import that leads back fails (checked with
     * Python: "cannot import name '_speedups' from partially initialized module"): high.
     */
    @Test
    void aNameThePackageNeverBindsIsACompiledSubmoduleNotARead() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            for (String pkg : List.of("compiledx", "boundx")) {
                write(pkg + "/_posix.py", "from . import _speedups\nfrom . import _posixmodule\n\n\ndef run():\n"
                        + "    return _speedups.run(_posixmodule)\n");
            }
            write("compiledx/__init__.py", "from compiledx import _posix\nfrom . import _posixmodule\n");
            write("boundx/__init__.py", "from boundx import _posix\n\n_speedups = None\n");
            commit(git, "two packages importing a name of their own");
        }
        PerspectiveResult result = analyze();

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("import-cycle"))
                .extracting(f -> f.severity() + " " + f.message())
                .containsExactly("HIGH Circular import among 2 modules: when boundx is imported first, boundx._posix "
                        + "reads names of boundx before it has bound them (boundx/_posix.py:1); the imports: "
                        + "boundx → boundx._posix (boundx/__init__.py:1), boundx._posix → boundx (boundx/_posix.py:1)");
        assertThat(metric(result, "python_unresolved_project_imports")).isEqualTo(4.0);
    }

    /**
     * Eventlet's {@code greenio.base} has {@code import eventlet} while the package initializes and reads
     * {@code eventlet.patcher} twenty lines later; its own {@code from eventlet.hubs import ..} in between loads
     * {@code eventlet.patcher}, which Python binds on the package once loaded: the cycle holds by statement order (it
     * was a high finding leading eventlet's screen; checked with Python): medium. A twin whose hubs module loads
     * nothing fails when the package is imported first: high.
     */
    @Test
    void aSubmoduleLoadedBetweenTheImportAndTheReadIsBound() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            for (String pkg : List.of("loadedv", "laterv")) {
                write(pkg + "/__init__.py", "from PKG import greenio\nfrom PKG import patcher\n".replace("PKG", pkg));
                write(pkg + "/patcher.py", "def original(name):\n    return name\n");
                write(pkg + "/greenio.py", "import PKG\nfrom PKG.hubs import trampoline\n\nORIGINAL = PKG.patcher.original(\"socket\")\n"
                        .replace("PKG", pkg));
            }
            write("loadedv/hubs.py", "from loadedv import patcher\n\n\ndef trampoline():\n    return patcher\n");
            write("laterv/hubs.py", "def trampoline():\n    return None\n");
            commit(git, "two packages whose module reads a submodule of the package");
        }
        PerspectiveResult result = analyze();

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("import-cycle"))
                .extracting(f -> f.severity() + " " + f.message())
                .containsExactlyInAnyOrder("HIGH Circular import among 2 modules: when laterv is imported first, laterv.greenio "
                        + "reads names of laterv before it has bound them (laterv/greenio.py:1); the imports: "
                        + "laterv → laterv.greenio (laterv/__init__.py:1), laterv.greenio → laterv (laterv/greenio.py:1)",
                        "MEDIUM Circular import among 2 modules: it holds only by statement order: when loadedv is "
                        + "imported first, loadedv.greenio reads loadedv.patcher while loadedv is still initializing "
                        + "(loadedv/greenio.py:1), bound only because an import of loadedv.greenio above the read loads "
                        + "that submodule first; moving an import breaks it; the imports: loadedv → loadedv.greenio "
                        + "(loadedv/__init__.py:1), loadedv.greenio → loadedv (loadedv/greenio.py:1)");
    }

    /**
     * Hypothesis' {@code escalation} module hands its package, still initializing, to its own {@code belongs_to},
     * which reads only {@code package.__file__} and {@code package.__name__} (after {@code hasattr(package,
     * "__file__")}): the import system sets those before the package's code runs, so the cycle cannot fail (it was
     * a high finding leading hypothesis' screen; checked with Python). A twin whose function reads a name the package
     * binds later fails when the package is imported first: high.
     */
    @Test
    void aPackageHandedToAFunctionThatReadsOnlyWhatTheImportSystemSetsReadsNothingUnbound() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            for (String pkg : List.of("safeh", "eagerh")) {
                write(pkg + "/__init__.py", "from PKG.core import given\n".replace("PKG", pkg));
                write(pkg + "/core.py", "from PKG.escalation import is_own_file\n\n\ndef given():\n    return is_own_file\n"
                        .replace("PKG", pkg));
            }
            write("safeh/escalation.py", """
                    import safeh


                    def belongs_to(package):
                        if not hasattr(package, "__file__"):
                            return lambda path: False
                        root = package.__file__
                        return lambda path: path.startswith(root) or package.__name__ in path


                    is_own_file = belongs_to(safeh)
                    """);
            write("eagerh/escalation.py", """
                    import eagerh


                    def belongs_to(package):
                        root = package.given
                        return lambda path: path == root


                    is_own_file = belongs_to(eagerh)
                    """);
            commit(git, "two packages that hand themselves to a function");
        }
        PerspectiveResult result = analyze();

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("import-cycle"))
                .extracting(f -> f.severity() + " " + f.message())
                .containsExactly("HIGH Circular import among 3 modules: when eagerh is imported first, eagerh.escalation "
                        + "reads names of eagerh before it has bound them (eagerh/escalation.py:1); the imports: "
                        + "eagerh → eagerh.core (eagerh/__init__.py:1), eagerh.core → eagerh.escalation (eagerh/core.py:1), "
                        + "eagerh.escalation → eagerh (eagerh/escalation.py:1)");
        assertThat(metric(result, "import_cycles_that_cannot_fail")).isEqualTo(1.0);
    }

    @Test
    void ranksPythonHotspotsByChurnTimesComplexityLeavingTestsOut() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            String branchy = """
                    def decide(a, b):
                        if a:
                            return 1
                        if b:
                            return 2
                        for x in range(a):
                            if x and b:
                                return 3
                        return 0
                    """;
            write("app/__init__.py", "");
            write("app/rules.py", branchy);
            write("app/simple.py", "def one():\n    return 1\n");
            write("app/constants.py", "LIMIT = 1\n");
            write("tests/test_rules.py", "def test_decide():\n    assert True\n");
            commit(git, "first");
            for (int i = 0; i < 5; i++) {
                write("app/simple.py", "def one():\n    return " + i + "\n");
                write("app/constants.py", "LIMIT = " + i + "\n");
                write("tests/test_rules.py", "def test_decide():\n    if True:\n        assert " + i + " >= 0\n");
                commit(git, "tweak " + i);
            }
            write("app/rules.py", branchy + "\n\ndef other():\n    return None\n");
            commit(git, "rules again");
        }
        PerspectiveResult result = analyze();

        List<Map<String, Object>> hotspots = list(result.details().get("hotspots"));
        // rules.py: 2 commits × (1 + if, if, for, if = 5, plus other() 1) = 12 (McCabe's, as ruff counts: the `and` is not
        // a decision); simple.py: 6 commits × 1 = 6;
        // constants.py has no function and the test file is test scope: neither is ranked.
        assertThat(hotspots).extracting(h -> h.get("rank") + ":" + h.get("file") + "=" + h.get("commits") + "×"
                        + h.get("complexity") + "=" + h.get("score"))
                .containsExactly("1:app/rules.py=2×6=12", "2:app/simple.py=6×1=6");
        assertThat(hotspots.get(0)).containsKeys("lines_changed");
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("hotspot"))
                .extracting(f -> f.severity() + " " + f.message())
                .containsExactly("HIGH app/rules.py: 2 commits × complexity 6", "HIGH app/simple.py: 6 commits × complexity 1");
        assertThat(metric(result, "hotspots_ranked")).isEqualTo(2.0);
        assertThat(metric(result, "top_hotspot_score")).isEqualTo(12.0);
        assertThat(result.summary()).endsWith("Top hotspot: app/rules.py (2 commits × complexity 6).");
        assertThat(result.recommendations()).contains("Refactor or cover with tests app/rules.py first: it changed in 2 "
                + "commits and has complexity 6, the highest churn × complexity in the repository.");
    }

    /**
     * The distance from the main sequence counts no duck-typed abstraction, so it is a metric, not part of the
     * summary a reader takes as the verdict (PyYAML's read "average distance from the main sequence 1.00").
     */
    @Test
    void theDistanceFromTheMainSequenceIsAMetricNotTheSummary() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            write("lib/__init__.py", "");
            write("lib/nodes.py", "class Node:\n    pass\n");
            write("app/__init__.py", "");
            write("app/main.py", "from lib.nodes import Node\n\n\nclass App:\n    root = Node()\n");
            commit(git, "two packages");
        }
        PerspectiveResult result = analyze();

        assertThat(metric(result, "python_avg_distance_main_sequence")).isEqualTo(0.5);
        assertThat(metric(result, "python_avg_instability")).isEqualTo(0.5);
        assertThat(result.summary()).contains("; average package instability 0.50.").doesNotContain("main sequence");
    }

    @Test
    void aMixedRepositoryShowsJavaAndPythonWithOneHotspotRanking() throws Exception {
        JavaProjectFixture project = new JavaProjectFixture(root)
                .addClass("a", "A", List.of("b.B"), 3)
                .addClass("b", "B", List.of("a.A"), 1)
                .addOtherFile("tool/__init__.py", "")
                .addOtherFile("tool/first.py", "from tool import second\n\n\ndef go(x):\n    if x:\n        return 1\n    return 2\n")
                .addOtherFile("tool/second.py", "from tool import first\n\nDEPTH = first.go(0)\n");
        PerspectiveResult result = project.analyze(pythonModels, JavaProjectFixture.churn(
                new FileChurn(JavaProjectFixture.pathOf("a", "A"), 3, 30, 3),
                new FileChurn("tool/first.py", 5, 50, 5)));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.findings()).extracting(Finding::rule).contains("package-cycle", "import-cycle");
        assertThat(result.metrics()).extracting(Metric::name).contains("packages", "dependency_cycles", "python_modules", "import_cycles");
        assertThat(result.details()).containsKeys("graph", "cycles", "python");
        assertThat(list(result.details().get("hotspots"))).extracting(h -> h.get("rank") + ":" + h.get("file") + "=" + h.get("score"))
                .containsExactly("1:tool/first.py=10", "2:src/main/java/a/A.java=9");
        assertThat(result.summary()).contains("Python: 3 Python modules in 1 package with");
    }

    @Test
    void withoutAPythonInterpreterTheRowIsSkippedAndSaysHowToInstallIt() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            write("app.py", "import os\n");
            commit(git, "one file");
        }
        PerspectiveResult result = new ArchitecturePerspective(s -> null,
                new PythonModelProvider("/nonexistent/python3", Duration.ofSeconds(5)), s -> java.util.Optional.empty())
                .analyze(JavaProjectFixture.context(snapshot()));

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).startsWith("No Python file could be modelled: skipped: the Python interpreter `/nonexistent/python3` could not be started");
        assertThat(result.findings()).isEmpty();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private PerspectiveResult analyze() throws Exception {
        Snapshot snapshot = snapshot();
        assertThat(snapshot.scopeOf("tests/helpers.py")).isEqualTo(Scope.TEST);
        return new ArchitecturePerspective(s -> {
            throw new AssertionError("no Java here");
        }, pythonModels, new GitChurn(properties())).analyze(JavaProjectFixture.context(snapshot));
    }

    private AutocoderProperties properties() {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getTarget().setPath(root);
        return properties;
    }

    private Snapshot snapshot() throws Exception {
        AutocoderProperties properties = properties();
        return new SnapshotService(new TargetRepository(properties), properties).current();
    }

    private void write(String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("Dev", "dev@example.org").setCommitter("Dev", "dev@example.org")
                .setSign(false).call();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> entries, String key) {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        entries.forEach(e -> out.put((String) e.get(key), e));
        return out;
    }
}
