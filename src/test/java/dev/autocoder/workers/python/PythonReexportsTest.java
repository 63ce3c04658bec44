package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ruff's F401 sees one file; a name another module of the project imports from the file is a re-export (requests'
 * compat.py), not an unused import. The code-quality row leaves those out, counts them, and still reports the
 * imports no module takes.
 */
class PythonReexportsTest {

    @TempDir
    Path root;

    @Test
    void aNameAnotherModuleImportsFromTheFileIsAReexportNotAnUnusedImport() {
        TestSnapshots.write(root, "shop/__init__.py", "");
        TestSnapshots.write(root, "shop/compat.py", """
                import json
                import os
                from collections.abc import Mapping
                from http import cookiejar as cookielib
                from urllib.parse import (
                    quote,
                    urljoin,
                )
                """);
        TestSnapshots.write(root, "shop/models.py", """
                from .compat import Mapping, cookielib, quote
                from shop.compat import json as complexjson


                def describe(order: Mapping) -> str:
                    return quote(complexjson.dumps(dict(order))) + str(cookielib.CookieJar())
                """);
        PerspectiveResult withModel = codeQuality(true);

        assertThat(withModel.findings()).filteredOn(f -> f.rule().equals("F401")).extracting(Finding::message)
                .containsExactlyInAnyOrder("`os` imported but unused", "`urllib.parse.urljoin` imported but unused");
        assertThat(withModel.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_reexported_imports");
            assertThat(m.value()).isEqualTo(4.0);
        });
        assertThat(withModel.summary()).contains("(and 4 unused-import reports left out: re-exports other modules import)");

        // ruff alone reports all six
        assertThat(codeQuality(false).findings()).filteredOn(f -> f.rule().equals("F401")).hasSize(6);
    }

    /**
     * Ruff does not read type comments (its issue 1619): marshmallow's {@code from typing import Dict, Optional, ...}
     * is used only by {@code # type: Optional[Dict[...]]}, and removing it, as ruff's fix would, breaks mypy.
     */
    @Test
    void aNameATypeCommentUsesIsNoUnusedImport() {
        TestSnapshots.write(root, "hooks.py", """
                from __future__ import annotations

                import functools
                import typing as t
                from typing import Any, Callable, Dict, List, Optional, Tuple, Union


                class Hook:
                    hooks = None  # type: Optional[Dict[Union[Tuple[str, bool], str], Any]]


                def run(hook, *args):
                    # type: (Callable, *t.Any) -> None  # a signature comment
                    hook(*args)
                """);
        PerspectiveResult withModel = codeQuality(true);

        assertThat(withModel.findings()).filteredOn(f -> f.rule().equals("F401")).extracting(Finding::message)
                .containsExactlyInAnyOrder("`functools` imported but unused", "`typing.List` imported but unused");
        assertThat(withModel.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_type_comment_imports");
            assertThat(m.value()).isEqualTo(7.0);
        });
        assertThat(withModel.summary()).contains("7 unused-import reports left out: names type comments use");

        assertThat(codeQuality(false).findings()).filteredOn(f -> f.rule().equals("F401")).hasSize(9);
    }

    /** The code-quality row of the files written, with the Python model or with ruff alone. */
    private PerspectiveResult codeQuality(boolean withModel) {
        Snapshot snapshot = TestSnapshots.of(root);
        RuffEngine ruff = new RuffEngine(RuffCli.path(), Duration.ofSeconds(60));
        PmdEngine pmd = new PmdEngine(PmdRulesets.curated(), 1);
        CodeQualityPerspective perspective = withModel ? new CodeQualityPerspective(pmd, new CpdRunner(100), ruff,
                new PythonModelProvider("python3", Duration.ofSeconds(10))) : new CodeQualityPerspective(pmd, new CpdRunner(100), ruff);
        return perspective.analyze(TestSnapshots.context(snapshot));
    }
}
