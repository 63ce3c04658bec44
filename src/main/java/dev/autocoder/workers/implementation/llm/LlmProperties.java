package dev.autocoder.workers.implementation.llm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the optional language model ({@code autocoder.llm.*}). With no model set the implementation worker
 * works without one. The token (HF_TOKEN) is not a property: it is passed to {@link ChatCompletionsClient} from the
 * environment and never stored here, logged or returned.
 */
public class LlmProperties {

    /** Hugging Face Inference Providers' OpenAI-compatible chat-completions router. */
    public static final String DEFAULT_ENDPOINT = "https://router.huggingface.co/v1/chat/completions";

    /** Model id, e.g. {@code Qwen/Qwen2.5-Coder-32B-Instruct}; null or blank turns the model off. */
    private String model;
    /** OpenAI-compatible chat-completions URL. */
    private String endpoint = DEFAULT_ENDPOINT;
    /** Time allowed for one request, from sending to the complete answer. */
    private Duration timeout = Duration.ofSeconds(60);
    /** {@code max_tokens} of the request. */
    private int maxTokens = 1500;
    /** {@code temperature} of the request. */
    private double temperature = 0.2;
    /** A folder whose {@code <stage>.md} files replace the built-in prompts; null for the built-in ones. */
    private Path promptsDir;

    public boolean isEnabled() {
        return model != null && !model.isBlank();
    }

    /** True when the endpoint is Hugging Face's router, which needs a token. */
    public boolean usesHuggingFaceRouter() {
        try {
            return "router.huggingface.co".equalsIgnoreCase(URI.create(endpoint).getHost());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public int getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    public double getTemperature() {
        return temperature;
    }

    public void setTemperature(double temperature) {
        this.temperature = temperature;
    }

    public Path getPromptsDir() {
        return promptsDir;
    }

    public void setPromptsDir(Path promptsDir) {
        this.promptsDir = promptsDir;
    }
}
