package dev.autocoder.workers.pythonmodel;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.Param;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.testplan.rules.IntegrationCatalog;
import dev.autocoder.workers.testplan.rules.IntegrationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Python model, built by the real python3 helper on a real git repository. */
class PythonModelProviderTest {

    @TempDir
    Path temp;

    private Snapshot snapshot(Path repo) throws Exception {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getTarget().setPath(repo);
        return new SnapshotService(new TargetRepository(properties), properties).current();
    }

    private static MethodModel method(FileModel file, String type, String name) {
        return file.types().stream().filter(t -> t.simpleName().equals(type)).flatMap(t -> t.methods().stream())
                .filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void overloadDeclarationsAreLeftOutOfTheModelAndTheirLinesKnown() throws Exception {
        Path root = temp.resolve("overloads");
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/reading.py"), """
                import typing
                from typing import overload


                @overload
                def read(path: str, binary: typing.Literal[True]) -> bytes:
                    ...


                @typing.overload
                def read(path: str, binary: typing.Literal[False] = False) -> str:
                    ...


                def read(path, binary=False):
                    return open(path, "rb" if binary else "r").read()


                class Reader:
                    @overload
                    def get(self, key: int) -> str: ...

                    @overload
                    def get(self, key: str) -> int: ...

                    def get(self, key):
                        return key
                """);

        PythonModelProvider.Modelled modelled = new PythonModelProvider("python3", Duration.ofSeconds(10))
                .modelled(dev.autocoder.workers.analysis.pmd.TestSnapshots.of(root)).get(0);

        // one function and one method each: the implementations, which are what runs and what tests call
        assertThat(modelled.model().types()).flatExtracting(TypeModel::methods)
                .extracting(MethodModel::name, MethodModel::beginLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("read", 15), org.assertj.core.groups.Tuple.tuple("get", 26));
        assertThat(modelled.overloadStubs()).containsExactly(new PythonModelProvider.Lines(6, 7),
                new PythonModelProvider.Lines(11, 12), new PythonModelProvider.Lines(21, 21),
                new PythonModelProvider.Lines(24, 24));
        assertThat(modelled.overlapsOverloadStub(7, 9)).isTrue();
        assertThat(modelled.overlapsOverloadStub(13, 16)).isFalse();
    }

    @Test
    void definitionsInABlockThatRunsOnImportAreModelledAndTypeCheckingOrScriptOnesAreNot() throws Exception {
        Path root = temp.resolve("shims");
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/compat.py"), """
                import sys
                from typing import TYPE_CHECKING

                try:
                    from ssl import SSLContext
                except ImportError:
                    class SSLContext:
                        def wrap_socket(self, sock):
                            return sock

                if sys.platform == "win32":
                    def encoding():
                        return "mbcs"
                else:
                    def encoding():
                        return "utf-8"

                if TYPE_CHECKING:
                    class Typed:
                        def only_for_checkers(self): ...
                else:
                    Typed = object

                with open(__file__) as _own:
                    def first_line():
                        return _own.readline()

                if __name__ == "__main__":
                    def demo():
                        print(encoding())
                """);

        FileModel model = new PythonModelProvider("python3", Duration.ofSeconds(10))
                .modelled(dev.autocoder.workers.analysis.pmd.TestSnapshots.of(root)).get(0).model();

        // each platform's definition is its own function, placed at its own lines, like the shim's class
        assertThat(model.types()).extracting(TypeModel::simpleName).containsExactly("compat", "SSLContext");
        assertThat(model.types()).flatExtracting(TypeModel::methods).extracting(MethodModel::name, MethodModel::beginLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("encoding", 12),
                        org.assertj.core.groups.Tuple.tuple("encoding", 15),
                        org.assertj.core.groups.Tuple.tuple("first_line", 25),
                        org.assertj.core.groups.Tuple.tuple("wrap_socket", 8));
    }

    @Test
    void modelsModulesClassesFunctionsAndWhatTheirBodiesDo() throws Exception {
        Snapshot snapshot = snapshot(PythonFixture.create(temp.resolve("repo")));
        List<FileModel> files = new PythonModelProvider("python3", Duration.ofSeconds(10)).model(snapshot);
        Map<String, FileModel> byPath = files.stream().collect(Collectors.toMap(FileModel::path, f -> f));

        assertThat(byPath).containsOnlyKeys("shop/__init__.py", "shop/orders.py", "shop/cart.py", "shop/errors.py",
                "shop/broken.py", "tests/test_orders.py");
        FileModel orders = byPath.get("shop/orders.py");
        assertThat(orders.parseError()).isNull();
        assertThat(orders.test()).isFalse();
        assertThat(byPath.get("tests/test_orders.py").test()).isTrue();
        assertThat(orders.packageName()).isEqualTo("shop");
        assertThat(orders.imports()).contains("requests", "sqlite3", "subprocess", "shop.errors.OrderError");
        assertThat(orders.types()).extracting(TypeModel::qualifiedName, TypeModel::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shop.orders", "module"));

        MethodModel total = method(orders, "orders", "total");
        assertThat(total.signature()).isEqualTo("total(prices, discount, note)");
        assertThat(total.params()).containsExactly(new Param("prices", "list[int]", null), new Param("discount", "int", "0"),
                new Param("note", "", "None"));
        assertThat(total.returnType()).isEqualTo("int");
        assertThat(total.comparisons()).extracting(c -> c.name() + " " + c.operator() + " " + c.constant())
                .containsExactly("discount > 50", "len(prices) == 0", "price < 0");
        assertThat(total.throwSites()).extracting(t -> t.type() + ": " + t.message())
                .containsExactly("ValueError: discount too large", "OrderError: negative price");
        assertThat(total.returnsNull()).isTrue();
        assertThat(total.nullReturnLines()).containsExactly(18);
        assertThat(total.loops()).singleElement().satisfies(l -> {
            assertThat(l.text()).isEqualTo("for price in prices");
            assertThat(l.overCollection()).isTrue();
        });
        assertThat(total.cyclomatic()).isEqualTo(5);

        MethodModel fetch = method(orders, "orders", "fetch_rate");
        assertThat(fetch.catches()).singleElement().satisfies(c -> {
            assertThat(c.types()).containsExactly("BaseException");
            assertThat(c.empty()).isTrue();
            assertThat(c.overBroad()).isTrue();
            assertThat(c.text()).isEqualTo("except:");
        });
        assertThat(fetch.nullReturnLines()).as("falls off the end after the except").containsExactly(37);
        Invocation get = fetch.invocations().stream().filter(i -> "get".equals(i.method())).findFirst().orElseThrow();
        assertThat(get.type()).isEqualTo("requests");
        assertThat(get.caughtBy()).containsExactly("BaseException");
        assertThat(get.paramsReached()).containsExactly("currency");
        assertThat(IntegrationCatalog.classify(get)).contains(IntegrationKind.HTTP);

        MethodModel archive = method(orders, "orders", "archive");
        assertThat(archive.invocations().stream().map(i -> i.shortName() + "=" + IntegrationCatalog.classify(i).map(IntegrationKind::label).orElse("-")))
                .contains("subprocess.run=process", "time.time=clock", "random.random=randomness",
                        "environ.__getitem__=environment", "new Thread=concurrency");

        MethodModel count = method(orders, "orders", "count_orders");
        assertThat(count.invocations().stream().filter(i -> IntegrationCatalog.classify(i).orElse(null) == IntegrationKind.DATABASE)
                .map(Invocation::shortName)).containsExactly("sqlite3.connect", "Connection.execute", "Cursor.fetchone");
        assertThat(count.catches()).singleElement().satisfies(c -> {
            assertThat(c.types()).containsExactly("sqlite3.Error");
            assertThat(c.rethrows()).isTrue();
            assertThat(c.lostCause()).as("raises OrderError without `from e`").isTrue();
        });

        FileModel cart = byPath.get("shop/cart.py");
        TypeModel cartType = cart.types().get(1);
        assertThat(cartType.qualifiedName()).isEqualTo("shop.cart.Cart");
        assertThat(cartType.methods()).extracting(MethodModel::signature, MethodModel::visibility).containsExactly(
                org.assertj.core.groups.Tuple.tuple("__init__(owner)", "public"),
                org.assertj.core.groups.Tuple.tuple("checkout(amount, *extras, **options)", "public"),
                org.assertj.core.groups.Tuple.tuple("_secret()", "private"));
        Invocation post = method(cart, "Cart", "checkout").invocations().stream().filter(i -> "post".equals(i.method()))
                .findFirst().orElseThrow();
        assertThat(post.type()).as("self.session = requests.Session() in __init__").isEqualTo("requests.Session");
        assertThat(IntegrationCatalog.classify(post)).contains(IntegrationKind.HTTP);

        assertThat(byPath.get("shop/broken.py").parseError()).startsWith("syntax error at line 1");
    }

    @Test
    @Timeout(120)
    void deeplyNestedAndSlowFilesGetTheirOwnErrorAndTheRestIsModelled() throws Exception {
        Path repo = temp.resolve("deep");
        Files.createDirectories(repo);
        StringBuilder deep = new StringBuilder("def f(a):\n");
        for (int i = 1; i <= 120; i++) {
            deep.append("    ".repeat(i)).append("if a:\n");
        }
        deep.append("    ".repeat(121)).append("return a\n");
        Files.writeString(repo.resolve("indented.py"), deep);
        Files.writeString(repo.resolve("deep.py"), "x = " + "[".repeat(150) + "]".repeat(150) + "\n");
        Files.writeString(repo.resolve("parens.py"), "x = " + "(".repeat(5000) + "1" + ")".repeat(5000) + "\n");
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            big.append("def f").append(i).append("(a, b=1):\n    if a > ").append(i).append(":\n        return b\n    return None\n");
            if (i == 11_000) {
                Files.writeString(repo.resolve("slow.py"), big); // under the 1 MB file limit, 11,000 functions
            }
        }
        Files.writeString(repo.resolve("big.py"), big);
        Files.writeString(repo.resolve("fine.py"), "def ok(x):\n    return x\n");
        Files.write(repo.resolve("binary.py"), new byte[] {0, 1, 2, 0, 3});
        Snapshot snapshot = snapshot(repo);

        Map<String, FileModel> byPath = new PythonModelProvider("python3", Duration.ofMillis(300)).model(snapshot).stream()
                .collect(Collectors.toMap(FileModel::path, f -> f));

        assertThat(byPath.get("indented.py").parseError()).isEqualTo("syntax error at line 101: too many levels of indentation");
        assertThat(byPath.get("deep.py").parseError()).isEqualTo("nested deeper than 100 syntax levels: not modelled");
        assertThat(byPath.get("parens.py").parseError()).contains("too many nested parentheses");
        assertThat(byPath.get("slow.py").parseError()).isEqualTo("modelling took longer than the per-file time budget (0.3 s)");
        assertThat(byPath.get("big.py").parseError()).isEqualTo("larger than autocoder.analysis.max-file-size");
        assertThat(byPath.get("binary.py").parseError()).isEqualTo("binary file");
        assertThat(byPath.get("fine.py").parsed()).isTrue();
    }

    @Test
    void aParameterAnnotatedWithAForwardReferenceOrAnOptionalTypesTheCallsOnIt() throws Exception {
        Path repo = temp.resolve("annotated");
        Files.createDirectories(repo.resolve("pkg"));
        Files.writeString(repo.resolve("pkg/__init__.py"), "");
        Files.writeString(repo.resolve("pkg/board.py"), "class Board:\n    def register(self, app):\n        return app\n");
        // the class is imported for type checking only, so the annotations quote it (as flask's register_blueprint does)
        Files.writeString(repo.resolve("pkg/app.py"), """
                import typing as t
                if t.TYPE_CHECKING:
                    from .board import Board


                class App:
                    def quoted(self, board: "Board") -> None:
                        board.register(self)

                    def optional(self, board: t.Optional["Board"]) -> None:
                        board.register(self)

                    def or_none(self, board: "Board | None") -> None:
                        board.register(self)

                    def plain(self, board: Board) -> None:
                        board.register(self)

                    def listed(self, boards: "list[Board]") -> None:
                        boards.register(self)
                """ + "\n    def hostile(self, board: \"Board" + ".attribute".repeat(50_000) + "\") -> None:\n"
                + "        board.register(self)\n");

        FileModel app = new PythonModelProvider("python3", Duration.ofSeconds(10)).model(snapshot(repo)).stream()
                .filter(f -> f.path().equals("pkg/app.py")).findFirst().orElseThrow();

        for (String typed : List.of("quoted", "optional", "or_none", "plain")) {
            assertThat(method(app, "App", typed).invocations()).as(typed).singleElement()
                    .satisfies(call -> assertThat(call.type() + "." + call.method()).isEqualTo("pkg.board.Board.register"));
        }
        // a list of boards is not a board: the call stays untyped; so does a quoted annotation too deep to parse
        for (String untyped : List.of("listed", "hostile")) {
            assertThat(method(app, "App", untyped).invocations()).as(untyped).singleElement()
                    .satisfies(call -> assertThat(call.type()).isNull());
        }
    }

    @Test
    void withoutAnInterpreterEveryFileSaysSoAndHowToInstallIt() throws Exception {
        Snapshot snapshot = snapshot(PythonFixture.create(temp.resolve("repo")));
        PythonModelProvider provider = new PythonModelProvider(temp.resolve("no-such-python").toString(), Duration.ofSeconds(5));

        List<FileModel> files = provider.model(snapshot);

        assertThat(files).hasSize(6).allSatisfy(f -> assertThat(f.parseError())
                .startsWith("skipped: the Python interpreter `" + temp.resolve("no-such-python") + "` could not be started")
                .contains("install Python 3 (e.g. `apt-get install python3`) or set autocoder.python.interpreter"));
    }

    @Test
    void eachContentIsModelledOnceAndAnEditedFileAgain() throws Exception {
        Path repo = PythonFixture.create(temp.resolve("repo"));
        PythonModelProvider provider = new PythonModelProvider("python3", Duration.ofSeconds(10));
        FileModel first = provider.model(snapshot(repo)).stream().filter(f -> f.path().equals("shop/orders.py")).findFirst().orElseThrow();

        FileModel again = provider.model(snapshot(repo)).stream().filter(f -> f.path().equals("shop/orders.py")).findFirst().orElseThrow();
        assertThat(again).as("the cached model, not a new parse").isSameAs(first);

        Files.writeString(repo.resolve("shop/orders.py"), PythonFixture.ORDERS + "\n\ndef extra():\n    return 1\n");
        FileModel edited = provider.model(snapshot(repo)).stream().filter(f -> f.path().equals("shop/orders.py")).findFirst().orElseThrow();
        assertThat(edited.types().get(0).methods()).extracting(MethodModel::name).contains("extra");
    }

    @Test
    void aRestartReadsTheModelsFromTheDiskCacheWithoutRunningTheHelperAndAnEditedFileIsModelledAgain() throws Exception {
        Path repo = PythonFixture.create(temp.resolve("repo"));
        Path runs = temp.resolve("helper-runs.txt");
        Path python = temp.resolve("counting-python");
        Files.writeString(python, "#!/bin/sh\necho run >> '" + runs + "'\nexec python3 \"$@\"\n");
        python.toFile().setExecutable(true);
        Path cache = temp.resolve("store/.state/cache/python-model");

        List<FileModel> first = new PythonModelProvider(python.toString(), Duration.ofSeconds(10), cache).model(snapshot(repo));
        long runsBefore = Files.readAllLines(runs).size();
        List<FileModel> restarted = new PythonModelProvider(python.toString(), Duration.ofSeconds(10), cache).model(snapshot(repo));

        assertThat(runsBefore).isPositive();
        assertThat(Files.readAllLines(runs)).as("no helper process after the restart").hasSize((int) runsBefore);
        assertThat(restarted).isEqualTo(first); // broken.py's syntax error too

        Files.writeString(repo.resolve("shop/orders.py"), PythonFixture.ORDERS + "\n\ndef extra():\n    return 1\n");
        FileModel edited = orders(new PythonModelProvider(python.toString(), Duration.ofSeconds(10), cache).model(snapshot(repo)));
        assertThat(Files.readAllLines(runs)).as("one helper process for the edited file").hasSize((int) runsBefore + 1);
        assertThat(edited.types().get(0).methods()).extracting(MethodModel::name).contains("extra");
    }

    @Test
    void aFleetsTargetsKeepTheirModelsWhileTheOthersAreModelled() throws Exception {
        PythonModelProvider provider = new PythonModelProvider("python3", Duration.ofSeconds(10));
        List<Path> targets = new java.util.ArrayList<>();
        for (String name : List.of("alpha", "beta", "gamma", "delta")) {
            Path repo = PythonFixture.create(temp.resolve(name));
            Files.writeString(repo.resolve("shop/orders.py"), PythonFixture.ORDERS + "\n# " + name + "\n");
            targets.add(repo);
        }
        FileModel alphaFirst = orders(provider.model(snapshot(targets.get(0))));

        for (Path other : targets.subList(1, targets.size())) {
            provider.model(snapshot(other));
        }

        assertThat(orders(provider.model(snapshot(targets.get(0)))))
                .as("alpha's cached model, though three other trees were modelled since").isSameAs(alphaFirst);
    }

    private static FileModel orders(List<FileModel> files) {
        return files.stream().filter(f -> f.path().equals("shop/orders.py")).findFirst().orElseThrow();
    }
}
