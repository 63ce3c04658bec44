package dev.autocoder.workers.analysis.secrets;

import org.springframework.stereotype.Component;

/** Placeholder until the secrets engine lands: redacts well-known token shapes. */
@Component
public class SecretRedactor {
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        return text.replaceAll("(hf_[A-Za-z0-9]{30,40}|gh[pousr]_[A-Za-z0-9]{36}|AKIA[0-9A-Z]{16})", "[REDACTED]");
    }
}
