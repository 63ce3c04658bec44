package dev.autocoder.workers.repository;

import java.util.List;
import java.util.Optional;

/** Git churn per file within the configured window; empty when the target has no git history. */
@FunctionalInterface
public interface ChurnProvider {
    Optional<List<FileChurn>> churn(Snapshot snapshot);
}
