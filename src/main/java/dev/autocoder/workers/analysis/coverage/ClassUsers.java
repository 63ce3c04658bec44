package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes among some (the test classes, or the main classes tests exercise) that use a source class: a file
 * of theirs that names the class (its simple name as a word of the text) and sits in its package or imports it (by
 * name, or its package with {@code *}). A class tests use is exercised by them, as this repository's
 * AnalysisDiskCacheTest drives DiskCache, though it has no test class of its own; one only exercised main classes
 * use is reached through them, and so on down. Each file's text is read once, when first asked.
 */
final class ClassUsers {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final Snapshot snapshot;
    private final Map<String, List<DeclaredType>> usersByFile = new TreeMap<>();
    private final Map<String, Set<String>> wordsByFile = new HashMap<>();

    ClassUsers(Snapshot snapshot, List<DeclaredType> users) {
        this.snapshot = snapshot;
        users.forEach(t -> usersByFile.computeIfAbsent(t.file().path(), p -> new ArrayList<>()).add(t));
    }

    /**
     * For each source class some use, the qualified names of those that do (itself left out), sorted: one pass over
     * the users' words. A class none uses has no entry.
     */
    Map<DeclaredType, List<String>> ofEach(List<DeclaredType> sources) {
        Map<String, List<DeclaredType>> bySimpleName = new HashMap<>();
        sources.forEach(s -> bySimpleName.computeIfAbsent(s.type().simpleName(), n -> new ArrayList<>()).add(s));
        Map<DeclaredType, List<String>> users = new HashMap<>();
        usersByFile.forEach((path, types) -> {
            JavaFileModel file = types.get(0).file();
            for (String word : words(path)) {
                for (DeclaredType source : bySimpleName.getOrDefault(word, List.of())) {
                    if (sees(file, source)) {
                        add(users.computeIfAbsent(source, s -> new ArrayList<>()), types, source);
                    }
                }
            }
        });
        users.values().forEach(names -> names.sort(null));
        return users;
    }

    private static boolean sees(JavaFileModel file, DeclaredType source) {
        String packageName = source.packageName();
        return file.packageName().equals(packageName) || file.imports().contains(source.type().qualifiedName())
                || file.imports().contains(packageName + ".*");
    }

    private static void add(List<String> users, List<DeclaredType> types, DeclaredType source) {
        types.stream().map(t -> t.type().qualifiedName())
                .filter(name -> !name.equals(source.type().qualifiedName())).forEach(users::add);
    }

    private Set<String> words(String path) {
        return wordsByFile.computeIfAbsent(path, p -> {
            Set<String> words = new HashSet<>();
            try {
                SourceFile file = snapshot.file(p).orElse(null);
                if (file != null && file.isAnalyzableText()) {
                    Matcher word = WORD.matcher(snapshot.read(file));
                    while (word.find()) {
                        words.add(word.group());
                    }
                }
            } catch (IOException e) {
                // an unreadable file uses nothing we can see
            }
            return words;
        });
    }
}
