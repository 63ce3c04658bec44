package dev.autocoder.workers.javamodel;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The parsed Java model of a snapshot: one entry per Java file, those that failed to parse or were skipped included. */
public record JavaModel(String snapshotKey, List<JavaFileModel> files) {

    public List<JavaFileModel> parsedFiles() {
        return files.stream().filter(JavaFileModel::parsed).toList();
    }

    /** Files the parser rejected; skipped files (binary, oversized, unreadable) are not among them. */
    public List<JavaFileModel> unparseableFiles() {
        return files.stream().filter(f -> !f.parsed() && !f.skipped()).toList();
    }

    /** Files never given to the parser: binary, over the size limit or unreadable. */
    public List<JavaFileModel> skippedFiles() {
        return files.stream().filter(JavaFileModel::skipped).toList();
    }

    public Map<String, JavaFileModel> byPath() {
        return files.stream().collect(Collectors.toMap(JavaFileModel::path, Function.identity(), (a, b) -> a));
    }
}
