package dev.autocoder.workers.python;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A repository's pyproject.toml [tool.ruff] settings on top of the curated selection. */
class RuffSettingsTest {

    @TempDir
    Path root;

    @Test
    void aRepositorysOwnSettingsAddToTheCuratedSelection() throws Exception {
        Files.writeString(root.resolve("pyproject.toml"), """
                [project]
                name = "demo"

                [tool.ruff]
                line-length = 120
                target-version = "py39"
                extend-exclude = ["vendor"]

                [tool.ruff.lint]
                extend-select = ["UP"]
                ignore = ["B006", "not a rule"]

                [tool.ruff.lint.per-file-ignores]
                "tests/*" = ["S"]

                [tool.ruff.lint.mccabe]
                max-complexity = 15
                """);
        RuffSettings settings = RuffSettings.of(root);

        assertThat(settings.source()).isEqualTo("pyproject.toml");
        assertThat(settings.select()).contains("F", "B", "S", "UP");
        assertThat(settings.ignore()).contains("F405", "B006");
        assertThat(settings.problem()).contains("not a rule");
        assertThat(settings.maxComplexity()).isEqualTo(15);
        assertThat(settings.arguments()).containsSequence("--line-length", "120")
                .containsSequence("--target-version", "py39").contains("lint.mccabe.max-complexity = 0");
        assertThat(settings.ignoredAt("tests/unit/test_api.py", "S101")).isTrue();
        assertThat(settings.ignoredAt("app/api.py", "S101")).isFalse();
        assertThat(settings.ignoredAt("app/__init__.py", "F401")).isTrue();
        assertThat(settings.excluded("vendor/six.py")).isTrue();
        assertThat(settings.excluded("app/vendoring.py")).isFalse();
    }

    @Test
    void withoutSettingsTheCuratedSelectionApplies() {
        RuffSettings settings = RuffSettings.of(root);
        assertThat(settings.source()).isNull();
        assertThat(settings.select()).containsExactly("F", "B", "S", "PLE", "PLR", "PERF", "C901", "E7", "E9", "W6");
        assertThat(settings.maxComplexity()).isEqualTo(10);
    }
}
