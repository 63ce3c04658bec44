package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.repository.Snapshot;

/** Gives the parsed Java model of a snapshot; implementations parse each file content once and cache it. */
@FunctionalInterface
public interface JavaModelProvider {
    JavaModel model(Snapshot snapshot);
}
