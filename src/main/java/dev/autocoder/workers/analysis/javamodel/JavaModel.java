package dev.autocoder.workers.analysis.javamodel;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The parsed Java model of a snapshot: one entry per Java file, including those that failed to parse. */
public record JavaModel(String snapshotKey, List<JavaFileModel> files) {

    public List<JavaFileModel> parsedFiles() {
        return files.stream().filter(JavaFileModel::parsed).toList();
    }

    public List<JavaFileModel> unparseableFiles() {
        return files.stream().filter(f -> !f.parsed()).toList();
    }

    public Map<String, JavaFileModel> byPath() {
        return files.stream().collect(Collectors.toMap(JavaFileModel::path, Function.identity(), (a, b) -> a));
    }
}
