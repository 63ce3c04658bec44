package dev.autocoder.workers.testplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.pythonmodel.PythonModules;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.testplan.history.ChangeSet;
import dev.autocoder.workers.testplan.history.FileChange;
import dev.autocoder.workers.testplan.history.BaselineHistory;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.CodeModelProvider;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.plan.PlanScope;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link Planning} of one iteration.
 * <p>
 * The baseline ("last planned commit") is the commit of the perspective's previous ok row. When that row was made
 * at the same commit as the snapshot, its own baseline is kept, so the scope (and the row) stays the same while
 * nothing new is committed instead of shrinking to nothing. No previous row, no git history, or a baseline that is
 * no longer in the repository: the whole codebase is in scope, and the notes say why.
 */
@Component
class PlanningFactory {

    private final CodeModelProvider models;
    private final PythonModelProvider pythonModels;
    private final BaselineHistory history;
    private final ObjectMapper mapper;

    public PlanningFactory(CodeModelProvider models, PythonModelProvider pythonModels, BaselineHistory history,
                           @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this.mapper = mapper;
        this.models = models;
        this.pythonModels = pythonModels;
        this.history = history;
    }

    public Planning plan(Snapshot snapshot, Optional<Row> previous) throws IOException {
        List<String> notes = new ArrayList<>();
        CodeModel model = model(snapshot);
        String baseline = baseline(snapshot, previous.filter(r -> r.status() == Status.OK), notes);
        ChangeSet changes = null;
        if (baseline != null) {
            changes = history.changes(snapshot, baseline).orElse(null);
            if (changes == null) {
                notes.add("The last planned commit " + baseline + " is not in the repository any more (history "
                        + "rewritten?): the whole codebase is in scope.");
                baseline = null;
            }
        }
        if (baseline == null) {
            return whole(snapshot, model, notes);
        }
        return changed(snapshot, model, changes, notes);
    }

    /** The Java and the Python model of the snapshot together, sorted by path: the rules read both alike. */
    public CodeModel model(Snapshot snapshot) {
        return models.codeModel(snapshot).with(pythonModels.model(snapshot));
    }

    private String baseline(Snapshot snapshot, Optional<Row> previous, List<String> notes) {
        if (!snapshot.hasGitHistory()) {
            notes.add("The target has no git history: no diff is possible, the whole codebase is in scope.");
            return null;
        }
        if (previous.isEmpty() || previous.get().commit() == null) {
            notes.add("First plan of this perspective: the whole codebase is in scope.");
            return null;
        }
        Row row = previous.get();
        if (!row.commit().equals(snapshot.commit())) {
            return row.commit();
        }
        Object analysis = row.extraColumns().get("analysis");
        JsonNode node = analysis == null ? null : mapper.valueToTree(analysis).get("baseline_commit");
        if (node == null || node.isNull()) {
            notes.add("No new commit since the last plan, which covered the whole codebase: the whole codebase stays in scope.");
            return null;
        }
        notes.add("No new commit since the last plan: the scope is still the change since " + node.asText() + ".");
        return node.asText();
    }

    private Planning whole(Snapshot snapshot, CodeModel model, List<String> notes) {
        List<MethodRef> methods = model.mainMethods();
        Set<String> files = new LinkedHashSet<>();
        model.mainFiles().forEach(f -> files.add(f.path()));
        PlanScope scope = new PlanScope(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.copyOf(files),
                outOfScope(snapshot, model, null));
        return new Planning(snapshot, model, null, null, Map.of(), methods, files, scope, notes);
    }

    private Planning changed(Snapshot snapshot, CodeModel model, ChangeSet changes, List<String> notes) throws IOException {
        Map<String, FileModel> before = new LinkedHashMap<>();
        Set<String> paths = new java.util.HashSet<>();
        snapshot.files().forEach(f -> paths.add(f.path()));
        for (FileChange change : changes.files()) {
            if (modelled(change.path()) && change.oldBlob() != null) {
                Optional<String> text = history.text(snapshot, change.oldBlob());
                if (text.isPresent()) {
                    before.put(change.path(), change.path().endsWith(".py")
                            ? pythonModels.parse(change.path(), change.oldBlob(), text.get(), PythonModules.moduleName(change.path(), paths))
                            : models.parse(change.path(), change.oldBlob(), text.get(), snapshot.javaLanguageLevel(change.path())));
                } else {
                    notes.add(change.path() + " at " + changes.baseline() + " could not be read (binary or too large): its "
                            + (change.path().endsWith(".py") ? "functions" : "methods") + " are not compared.");
                }
            }
        }
        List<String> added = new ArrayList<>();
        List<String> changedMethods = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<MethodRef> scopeMethods = new ArrayList<>();
        Set<String> scopeFiles = new LinkedHashSet<>();
        Map<String, FileModel> now = new HashMap<>();
        model.files().forEach(f -> now.put(f.path(), f));
        for (FileChange change : changes.files()) {
            if (!modelled(change.path())) {
                continue;
            }
            FileModel current = now.get(change.path());
            FileModel old = before.get(change.path());
            Map<String, MethodRef> oldMethods = methods(old);
            Map<String, MethodRef> newMethods = methods(current);
            for (Map.Entry<String, MethodRef> entry : newMethods.entrySet()) {
                MethodRef was = oldMethods.get(entry.getKey());
                if (was == null) {
                    added.add(entry.getKey());
                } else if (!was.method().bodyHash().equals(entry.getValue().method().bodyHash())) {
                    changedMethods.add(entry.getKey());
                } else {
                    continue;
                }
                if (!current.test()) {
                    scopeMethods.add(entry.getValue());
                }
            }
            oldMethods.keySet().stream().filter(k -> !newMethods.containsKey(k)).forEach(removed::add);
            if (current != null && current.parsed() && !current.test()) {
                scopeFiles.add(current.path());
            }
        }
        PlanScope scope = new PlanScope(paths(changes, "added"), paths(changes, "changed"), paths(changes, "removed"),
                added, changedMethods, removed, List.copyOf(scopeFiles), outOfScope(snapshot, model, changes));
        if (changes.isEmpty()) {
            notes.add("Nothing changed since " + changes.baseline() + ": nothing new to plan.");
        }
        return new Planning(snapshot, model, changes.baseline(), changes, before, List.copyOf(scopeMethods), scopeFiles,
                scope, notes);
    }

    private static boolean modelled(String path) {
        return path.endsWith(".java") || path.endsWith(".py");
    }

    private static Map<String, MethodRef> methods(FileModel file) {
        Map<String, MethodRef> methods = new LinkedHashMap<>();
        if (file == null) {
            return methods;
        }
        file.types().forEach(t -> t.methods().forEach(m -> methods.put(t.qualifiedName() + "#" + m.signature(), new MethodRef(file, t, m))));
        return methods;
    }

    private static List<String> paths(ChangeSet changes, String kind) {
        return changes.of(kind).stream().map(FileChange::path).toList();
    }

    /** Test code, unparseable Java or Python and (on a first run, as a count) files in other languages. */
    private static List<String> outOfScope(Snapshot snapshot, CodeModel model, ChangeSet changes) {
        Set<String> relevant = new LinkedHashSet<>();
        if (changes != null) {
            changes.files().forEach(f -> relevant.add(f.path()));
        }
        List<String> out = new ArrayList<>();
        for (FileModel file : model.files()) {
            if (changes != null && !relevant.contains(file.path())) {
                continue;
            }
            if (!file.parsed()) {
                out.add(file.path() + ": not parsed (" + file.parseError() + ")");
            } else if (file.test()) {
                out.add(file.path() + ": test code");
            }
        }
        long other = snapshot.files().stream().filter(f -> f.language() != Language.JAVA && f.language() != Language.PYTHON)
                .filter(f -> changes == null || relevant.contains(f.path())).count();
        if (other > 0) {
            out.add(Plural.of(other, "file") + " in other languages or formats: no Java or Python model");
        }
        return out;
    }
}
