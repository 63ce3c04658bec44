package dev.autocoder.workers.implementation.llm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptTemplatesTest {

    @TempDir
    Path overrides;

    @Test
    void rendersTheBuiltInPromptsWithTheEvidence() {
        PromptTemplates templates = new PromptTemplates(null);

        Prompt prompt = templates.render(PromptStage.IMPLEMENTATION_PLAN, Map.of(
                "finding", "UnusedPrivateField at src/A.java:11", "evidence", "private int {{file}};", "file", "src/A.java"));

        assertThat(prompt.system()).startsWith("You are a senior software engineer writing the change");
        assertThat(prompt.user()).startsWith("Finding:\nUnusedPrivateField at src/A.java:11\n\nEvidence:\nprivate int {{file}};\n");
        assertThat(prompt.user()).contains("--- a/src/A.java and +++ b/src/A.java").contains("```diff");
        for (PromptStage stage : PromptStage.values()) {
            assertThat(templates.template(stage).user()).contains("{{evidence}}");
            assertThat(templates.render(stage, Map.of()).user()).contains(PromptTemplates.MISSING).doesNotContain("{{");
        }
    }

    @Test
    void aFileInThePromptsFolderReplacesTheBuiltInPrompt() throws Exception {
        Files.writeString(overrides.resolve("deep-understanding.md"), "# System\r\nBe terse.\r\n# User\r\nExplain {{ finding }}.\r\n");

        PromptTemplates templates = new PromptTemplates(overrides);

        assertThat(templates.render(PromptStage.DEEP_UNDERSTANDING, Map.of("finding", "X")))
                .isEqualTo(new Prompt("Be terse.", "Explain X."));
        assertThat(templates.template(PromptStage.APPROACH_EVALUATION).system()).startsWith("You are a senior software engineer choosing");
    }

    @Test
    void aBrokenOverrideStopsStartUpWithTheReason() throws Exception {
        Files.writeString(overrides.resolve("approach-evaluation.md"), "Just some text without sections {{evidence}}");

        assertThatThrownBy(() -> new PromptTemplates(overrides))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("prompt " + overrides.resolve("approach-evaluation.md")
                        + " must have a '# System' section followed by a '# User' section");
    }
}
