package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis takes {@code Literal} from its own {@code redis.compat} (typing's, else typing_extensions'); ruff does not
 * know that name is typing's and reported {@code Literal["LCS"]}'s string as an undefined name. Such a module is
 * passed to ruff as a typing module ({@code lint.typing-modules}), found from the imports; a module that defines its
 * own {@code Literal} is not, and a real undefined name stays. (Ruff applies the setting to relative imports only
 * when it knows the file's module; its WebAssembly build, which checks text, does not: so the check here imports
 * absolutely, as redis does.)
 */
class TypingCompatModulesTest {

    @TempDir
    Path root;

    @Test
    void aModuleThatHandsOutTypingsNamesIsATypingModuleForRuff() {
        TestSnapshots.write(root, "store/__init__.py", "");
        TestSnapshots.write(root, "store/compat.py", """
                # flake8: noqa
                try:
                    from typing import Literal, Protocol  # re-exported
                except ImportError:
                    from typing_extensions import (
                        Literal,
                        Protocol,
                    )
                """);
        TestSnapshots.write(root, "store/core.py", """
                from store.compat import Literal


                def stralgo(algo: Literal["LCS"], value: str) -> str:
                    return algo + value
                """);
        TestSnapshots.write(root, "store/cluster.py", """
                from store.compat import \\
                    Literal


                def mode(kind: Literal["ONE", "ALL"]) -> str:
                    return kind + undefined_suffix
                """);
        TestSnapshots.write(root, "own/__init__.py", "");
        TestSnapshots.write(root, "own/kinds.py", """
                class Literal:
                    def __class_getitem__(cls, item):
                        return item
                """);
        TestSnapshots.write(root, "own/use.py", """
                from own.kinds import Literal


                def pick(kind: Literal["FAST"]) -> None:
                    return None
                """);
        RuffEngine ruff = new RuffEngine(RuffCli.path(), Duration.ofSeconds(60));

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100), ruff)
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F821"))
                .extracting(f -> f.file() + ": " + f.message())
                .containsExactlyInAnyOrder("store/cluster.py: Undefined name `undefined_suffix`",
                        "own/use.py: Undefined name `FAST`");
    }

    @Test
    void relativeImportsNameTheModuleToo() {
        TestSnapshots.write(root, "store/__init__.py", "");
        TestSnapshots.write(root, "store/compat.py", "from typing_extensions import Literal, TypedDict as Dict\n");
        TestSnapshots.write(root, "store/commands/__init__.py", "from .. import compat\n");
        TestSnapshots.write(root, "store/commands/core.py", """
                from ..compat import (  # what the commands share
                    Literal,
                )
                from .kinds import Literal as Kind
                """);
        TestSnapshots.write(root, "store/commands/kinds.py", "from typing import List as Literal\n");
        TestSnapshots.write(root, "store/commands/both.py", "from ..compat import Dict\n");
        TestSnapshots.write(root, "store/commands/hostile.py", "from " + ".".repeat(50_000) + " imp\n");
        Snapshot snapshot = TestSnapshots.of(root);

        // kinds binds typing's List under another name, and compat's Dict is typing_extensions' TypedDict renamed
        assertThat(new TypingModules().of(snapshot, snapshot.files(Language.PYTHON))).containsExactly("store.compat");
    }

    @Test
    void theRepositorysOwnTypingModulesComeFirst() throws Exception {
        Files.writeString(root.resolve("ruff.toml"), """
                [lint]
                typing-modules = ["app.typing_compat", "not a module"]
                """);
        RuffSettings settings = RuffSettings.of(root).withTypingModules(List.of("app.compat", "app.typing_compat"));

        assertThat(settings.typingModules()).containsExactly("app.typing_compat", "app.compat");
        assertThat(settings.arguments()).containsSequence("--config", "lint.typing-modules = [\"app.typing_compat\", \"app.compat\"]");
        assertThat(settings.problem()).contains("typing-modules not a module");
    }
}
