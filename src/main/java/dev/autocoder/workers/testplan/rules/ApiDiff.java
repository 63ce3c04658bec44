package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.testplan.history.ChangeSet;
import dev.autocoder.workers.testplan.history.FileChange;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.Visibility;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.testplan.plan.ApiChange;
import dev.autocoder.workers.testplan.plan.PlanIds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public API diff between the baseline and the snapshot, over the Java files that changed or were removed
 * (an unchanged file has an unchanged API). The API is every public or protected member of a type that is
 * visible outside its package. A removed method with exactly one new overload of the same name counts as a
 * changed signature; an added {@code throws} type counts when it is checked (JDK types known to
 * {@link Exceptions}, or types of the repository that do not extend RuntimeException or Error).
 */
public final class ApiDiff {

    private ApiDiff() {
    }

    /**
     * @param changeSet     the files changed since the baseline (null on a first run: nothing to compare)
     * @param baselineFiles the changed or removed Java files, parsed at the baseline
     * @param model         the snapshot's code model
     */
    public static List<ApiChange> between(ChangeSet changeSet, Map<String, FileModel> baselineFiles, CodeModel model) {
        List<ApiChange> changes = new ArrayList<>();
        if (changeSet == null) {
            return changes;
        }
        for (FileChange change : changeSet.files()) {
            if (!change.path().endsWith(".java") || change.change().equals("added")) {
                continue;
            }
            FileModel before = baselineFiles.get(change.path());
            if (before == null || !before.parsed() || before.test()) {
                continue;
            }
            FileModel after = change.change().equals("removed") ? null : model.file(change.path()).orElse(null);
            if (after != null && !after.parsed()) {
                continue;
            }
            compare(change.path(), before, after, model, changes);
        }
        return changes;
    }

    private static void compare(String path, FileModel before, FileModel after, CodeModel model, List<ApiChange> out) {
        Map<String, TypeModel> now = new LinkedHashMap<>();
        if (after != null) {
            after.types().forEach(t -> now.put(t.qualifiedName(), t));
        }
        for (TypeModel old : before.types()) {
            if (!old.isPublic()) {
                continue;
            }
            TypeModel current = now.get(old.qualifiedName());
            if (current == null) {
                out.add(change("type-removed", old.qualifiedName(), old.kind() + " " + old.simpleName(), old.kind() + " " + old.simpleName(), null, true, path));
                continue;
            }
            if (Visibility.rank(current.visibility()) < Visibility.rank(old.visibility())) {
                out.add(change("visibility-narrowed", old.qualifiedName(), old.simpleName(), old.visibility() + " " + old.kind(),
                        current.visibility() + " " + current.kind(), true, path));
                continue;
            }
            methods(old, current, model, path, out);
        }
    }

    private static void methods(TypeModel old, TypeModel current, CodeModel model, String path, List<ApiChange> out) {
        Map<String, MethodModel> before = api(old);
        Map<String, MethodModel> all = new LinkedHashMap<>();
        current.methods().forEach(m -> all.put(m.signature(), m));
        Map<String, MethodModel> after = api(current);
        List<MethodModel> removed = new ArrayList<>();
        for (MethodModel m : before.values()) {
            MethodModel now = all.get(m.signature());
            if (now == null) {
                removed.add(m);
                continue;
            }
            if (Visibility.rank(now.visibility()) < Visibility.rank(m.visibility())) {
                out.add(change("visibility-narrowed", old.qualifiedName(), m.signature(), m.visibility() + " " + m.signature(),
                        now.visibility() + " " + now.signature(), true, path));
                continue;
            }
            if (!m.returnType().equals(now.returnType())) {
                out.add(change("return-type-changed", old.qualifiedName(), m.signature(), m.returnType() + " " + m.signature(),
                        now.returnType() + " " + now.signature(), true, path));
            }
            Set<String> newThrows = new HashSet<>(now.thrown());
            m.thrown().forEach(newThrows::remove);
            for (String thrown : now.thrown()) {
                if (newThrows.contains(thrown) && isChecked(thrown, model)) {
                    out.add(change("checked-exception-added", old.qualifiedName(), m.signature(), throwsText(m),
                            throwsText(now), true, path));
                }
            }
        }
        Set<String> added = new HashSet<>(after.keySet());
        added.removeAll(before.keySet());
        for (MethodModel gone : removed) {
            List<String> sameName = added.stream().filter(s -> after.get(s).name().equals(gone.name())).sorted().toList();
            long removedSameName = removed.stream().filter(r -> r.name().equals(gone.name())).count();
            if (sameName.size() == 1 && removedSameName == 1) {
                MethodModel replacement = after.get(sameName.get(0));
                out.add(change("signature-changed", old.qualifiedName(), gone.name(), gone.returnType() + " " + gone.signature(),
                        replacement.returnType() + " " + replacement.signature(), true, path));
                added.remove(sameName.get(0));
            } else {
                out.add(change("method-removed", old.qualifiedName(), gone.signature(), gone.returnType() + " " + gone.signature(),
                        null, true, path));
            }
        }
        added.stream().sorted().forEach(s -> out.add(change("method-added", old.qualifiedName(), s, null,
                after.get(s).returnType() + " " + s, false, path)));
    }

    private static Map<String, MethodModel> api(TypeModel type) {
        Map<String, MethodModel> api = new LinkedHashMap<>();
        for (MethodModel m : type.methods()) {
            if (m.isPublic() || m.visibility().equals("protected")) {
                api.put(m.signature(), m);
            }
        }
        return api;
    }

    private static String throwsText(MethodModel m) {
        return m.signature() + (m.thrown().isEmpty() ? "" : " throws " + String.join(", ", m.thrown()));
    }

    /** Checked by the JDK table, or by the repository's own type hierarchy; unknown types count as checked. */
    static boolean isChecked(String type, CodeModel model) {
        Boolean known = Exceptions.isChecked(type);
        if (known != null) {
            return known;
        }
        String simple = type.substring(type.lastIndexOf('.') + 1);
        Set<String> seen = new HashSet<>();
        String current = simple;
        while (current != null && seen.add(current)) {
            Boolean k = Exceptions.isChecked(current);
            if (k != null) {
                return k;
            }
            String next = null;
            for (FileModel file : model.parsed()) {
                for (TypeModel t : file.types()) {
                    if (t.simpleName().equals(current) && !t.supertypes().isEmpty()) {
                        next = t.supertypes().get(0);
                    }
                }
            }
            current = next;
        }
        return true;
    }

    private static ApiChange change(String kind, String type, String member, String before, String after, boolean breaking,
                                    String path) {
        return new ApiChange(PlanIds.of("api-change", kind, type, member, before, after), kind, type, member, before,
                after, breaking, path);
    }
}
