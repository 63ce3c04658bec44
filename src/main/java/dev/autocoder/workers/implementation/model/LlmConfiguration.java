package dev.autocoder.workers.implementation.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.hub.HubProperties;
import dev.autocoder.workers.implementation.llm.ChatCompletionsClient;
import dev.autocoder.workers.implementation.llm.LlmProperties;
import dev.autocoder.workers.implementation.llm.PromptTemplates;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The optional language model of the implementation worker: {@code autocoder.llm.*} bound to {@link LlmProperties},
 * the prompts (built-in or from {@code autocoder.llm.prompts-dir}, checked at start-up), and the chat-completions
 * client authenticated with the Hub token ({@code autocoder.hub.token}, which the application reads from HF_TOKEN).
 */
@Configuration(proxyBeanMethods = false)
public class LlmConfiguration {

    @Bean
    @ConfigurationProperties("autocoder.llm")
    LlmProperties llmProperties() {
        return new LlmProperties();
    }

    @Bean
    PromptTemplates promptTemplates(LlmProperties properties) {
        return new PromptTemplates(properties.getPromptsDir());
    }

    /** A host may bring its own client (another gateway, its own credentials). */
    @Bean
    @ConditionalOnMissingBean
    ChatCompletionsClient chatCompletionsClient(LlmProperties properties, HubProperties hub,
                                                @Qualifier(AutocoderJson.MAPPER) ObjectMapper json) {
        return new ChatCompletionsClient(properties, hub.getToken(), json);
    }
}
