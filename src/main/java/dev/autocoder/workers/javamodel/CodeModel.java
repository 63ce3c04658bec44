package dev.autocoder.workers.javamodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The parsed Java files of one snapshot (or of one commit), sorted by path; with {@link #with} its Python files too. */
public record CodeModel(List<FileModel> files) {

    /** This model and other files (the Python model's) together, sorted by path: the rules read both alike. */
    public CodeModel with(List<FileModel> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<FileModel> all = new ArrayList<>(files);
        all.addAll(more);
        all.sort(Comparator.comparing(FileModel::path));
        return new CodeModel(List.copyOf(all));
    }

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
