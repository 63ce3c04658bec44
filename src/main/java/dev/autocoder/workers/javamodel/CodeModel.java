package dev.autocoder.workers.javamodel;

import java.util.List;
import java.util.Optional;

/** The parsed Java files of one snapshot (or of one commit), sorted by path. */
public record CodeModel(List<FileModel> files) {

    public List<FileModel> parsed() {
        return files.stream().filter(FileModel::parsed).toList();
    }

    public List<FileModel> unparseable() {
        return files.stream().filter(f -> !f.parsed()).toList();
    }

    /** Parsed main (non-test) files. */
    public List<FileModel> mainFiles() {
        return files.stream().filter(f -> f.parsed() && !f.test()).toList();
    }

    public List<FileModel> testFiles() {
        return files.stream().filter(f -> f.parsed() && f.test()).toList();
    }

    public Optional<FileModel> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** Every method of the main code with its place. */
    public List<MethodRef> mainMethods() {
        return mainFiles().stream().flatMap(f -> f.types().stream().flatMap(t -> t.methods().stream()
                .map(m -> new MethodRef(f, t, m)))).toList();
    }
}
