package dev.autocoder.workers.testplan;

import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.testplan.history.ChangeSet;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.testplan.plan.PlanScope;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every test-planning perspective starts from: the snapshot's Java model, the baseline (the last planned
 * commit) and what changed since, and the methods in scope.
 *
 * @param baseline      the last planned commit; null on a first run (the whole codebase is in scope)
 * @param changes       the change set since the baseline; null on a first run
 * @param baselineFiles the Java files changed or removed since the baseline, parsed at the baseline
 * @param scopeMethods  main-code methods added or changed since the baseline (every main method on a first run)
 * @param scopeFiles    main Java files in scope
 * @param notes         what the planner could not do, in plain words
 * @param scopeKeys     file and key of every method in scope (derived from scopeMethods: in-scope lookups run for
 *                      every call site of the codebase)
 */
public record Planning(Snapshot snapshot, CodeModel model, String baseline, ChangeSet changes,
                       Map<String, FileModel> baselineFiles, List<MethodRef> scopeMethods, Set<String> scopeFiles,
                       PlanScope scope, List<String> notes, Set<String> scopeKeys) {

    public boolean firstRun() {
        return baseline == null;
    }

    public Planning {
        Set<String> keys = new java.util.HashSet<>();
        for (MethodRef m : scopeMethods) {
            keys.add(m.file().path() + "#" + m.key());
        }
        scopeKeys = Set.copyOf(keys);
    }

    public Planning(Snapshot snapshot, CodeModel model, String baseline, ChangeSet changes,
                    Map<String, FileModel> baselineFiles, List<MethodRef> scopeMethods, Set<String> scopeFiles,
                    PlanScope scope, List<String> notes) {
        this(snapshot, model, baseline, changes, baselineFiles, scopeMethods, scopeFiles, scope, notes, Set.of());
    }

    public boolean inScope(MethodRef method) {
        return scopeKeys.contains(method.file().path() + "#" + method.key());
    }

    public boolean inScopeFile(String path) {
        return scopeFiles.contains(path);
    }

    /** Lines of the parsed main (non-test) Java files. */
    public long mainLines() {
        Set<String> main = new java.util.HashSet<>();
        model.mainFiles().forEach(f -> main.add(f.path()));
        return snapshot.files().stream().filter(f -> main.contains(f.path())).mapToLong(f -> f.lines()).sum();
    }
}
