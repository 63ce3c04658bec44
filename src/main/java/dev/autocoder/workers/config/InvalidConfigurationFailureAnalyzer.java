package dev.autocoder.workers.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad setting into Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
public class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
        return new FailureAnalysis("Invalid configuration: " + cause.getMessage(),
                "Fix the setting " + cause.key() + " (see the configuration table in README.md) and start again.", cause);
    }
}
