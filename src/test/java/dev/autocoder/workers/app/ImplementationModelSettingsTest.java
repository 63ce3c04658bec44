package dev.autocoder.workers.app;

import dev.autocoder.workers.implementation.llm.ChatCompletionsClient;
import dev.autocoder.workers.implementation.llm.LlmProperties;
import dev.autocoder.workers.implementation.llm.PromptStage;
import dev.autocoder.workers.implementation.llm.PromptTemplates;
import dev.autocoder.workers.testsupport.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code autocoder.llm.*} binds to the model settings; a prompt override is read at start-up, a broken one stops it. */
class ImplementationModelSettingsTest {

    @TempDir
    Path temp;

    private Map<String, Object> properties(Path prompts) throws Exception {
        Map<String, Object> properties = App.fastWorkerProperties(Files.createDirectories(temp.resolve("repo")), temp.resolve("store"));
        properties.put("autocoder.workers.enabled", "none");
        properties.put("autocoder.llm.model", "Qwen/Qwen2.5-Coder-32B-Instruct");
        properties.put("autocoder.llm.endpoint", "http://127.0.0.1:9/v1/chat/completions");
        properties.put("autocoder.llm.timeout", "5s");
        properties.put("autocoder.llm.max-tokens", "300");
        properties.put("autocoder.llm.temperature", "0.5");
        properties.put("autocoder.llm.prompts-dir", prompts.toString());
        return properties;
    }

    @Test
    void theSettingsAndThePromptOverrideAreBound() throws Exception {
        Path prompts = Files.createDirectories(temp.resolve("prompts"));
        Files.writeString(prompts.resolve("deep-understanding.md"), "# System\n\nBe brief.\n\n# User\n\n{{finding}}\n");
        try (ConfigurableApplicationContext context = App.start(properties(prompts))) {
            LlmProperties llm = context.getBean(LlmProperties.class);
            assertThat(llm.getModel()).isEqualTo("Qwen/Qwen2.5-Coder-32B-Instruct");
            assertThat(llm.getEndpoint()).isEqualTo("http://127.0.0.1:9/v1/chat/completions");
            assertThat(llm.getTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(llm.getMaxTokens()).isEqualTo(300);
            assertThat(llm.getTemperature()).isEqualTo(0.5);
            PromptTemplates templates = context.getBean(PromptTemplates.class);
            assertThat(templates.template(PromptStage.DEEP_UNDERSTANDING).system()).isEqualTo("Be brief.");
            assertThat(templates.template(PromptStage.IMPLEMENTATION_PLAN).system()).startsWith("You are a senior software engineer");
            assertThat(context.getBean(ChatCompletionsClient.class)).isNotNull();
        }
    }

    @Test
    void aBrokenPromptStopsStartUp() throws Exception {
        Path prompts = Files.createDirectories(temp.resolve("prompts"));
        Files.writeString(prompts.resolve("approach-evaluation.md"), "Compare the approaches.\n");
        assertThatThrownBy(() -> App.start(properties(prompts))).satisfies(e -> {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            assertThat(root.getMessage()).isEqualTo("prompt " + prompts.resolve("approach-evaluation.md")
                    + " must have a '# System' section followed by a '# User' section");
        });
    }
}
