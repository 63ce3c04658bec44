package dev.autocoder.workers.implementation.model;

import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.implementation.llm.ChatCompletionsClient;
import dev.autocoder.workers.implementation.llm.LlmAnswer;
import dev.autocoder.workers.implementation.llm.LlmProperties;
import dev.autocoder.workers.implementation.llm.Prompt;
import dev.autocoder.workers.implementation.llm.PromptStage;
import dev.autocoder.workers.implementation.llm.PromptTemplates;
import dev.autocoder.workers.implementation.row.ModelCall;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks the optional language model for a stage's narrative. Everything sent passes the secret redactor first (the
 * evidence quotes repository code, which may hold a credential). Never throws: with no model set the call is
 * {@code disabled}; a timeout, an HTTP error or a malformed answer is recorded and the stage keeps its deterministic
 * output.
 */
@Component
public class ModelAdvisor {

    private final LlmProperties properties;
    private final ChatCompletionsClient client;
    private final PromptTemplates prompts;
    private final SecretRedactor redactor;

    public ModelAdvisor(LlmProperties properties, ChatCompletionsClient client, PromptTemplates prompts,
                        SecretRedactor redactor) {
        this.properties = properties;
        this.client = client;
        this.prompts = prompts;
        this.redactor = redactor;
    }

    public boolean enabled() {
        return properties.isEnabled();
    }

    /**
     * @param finding  rule, severity, file and line in one line
     * @param evidence the facts the stage gathered
     * @param file     the repository-relative path (used by the implementation-plan prompt)
     */
    public Advice ask(PromptStage stage, String finding, String evidence, String file) {
        if (!properties.isEnabled()) {
            return new Advice(null, new ModelCall(false, "disabled", null, null, "autocoder.llm.model is not set", 0, null,
                    false, null, null));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("finding", redactor.redact(finding));
        values.put("evidence", redactor.redact(evidence));
        values.put("file", file == null ? "" : file);
        Prompt prompt = prompts.render(stage, values);
        LlmAnswer answer = client.complete(prompt.system(), prompt.user());
        ModelCall call = new ModelCall(answer.status() != LlmAnswer.Outcome.DISABLED, answer.status().label(), answer.model(),
                answer.httpStatus(), answer.reason(), answer.attempts(), answer.totalTokens(), false, null, null);
        return new Advice(answer.ok() ? answer.content() : null, call);
    }
}
