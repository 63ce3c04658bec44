package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaMethodModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.repository.ChurnProvider;
import dev.autocoder.workers.repository.FileChurn;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Row;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes small Java sources into a folder and builds, by hand, the Java model a parser would give for them:
 * a method of complexity k is written with k − 1 {@code if} statements, so source and model agree.
 */
final class JavaProjectFixture {

    private final Path root;
    private final List<JavaFileModel> models = new ArrayList<>();
    private final List<SourceFile> files = new ArrayList<>();

    JavaProjectFixture(Path root) {
        this.root = root;
    }

    static String pathOf(String packageName, String simpleName) {
        return "src/main/java/" + packageName.replace('.', '/') + "/" + simpleName + ".java";
    }

    /** A public class with one method per complexity given. */
    JavaProjectFixture addClass(String packageName, String simpleName, List<String> imports, int... complexities) {
        return addType(pathOf(packageName, simpleName), packageName, simpleName, "class", false, imports,
                List.of(), complexities);
    }

    JavaProjectFixture addClassWithNested(String packageName, String simpleName, List<String> imports,
                                          List<String> nested) {
        return addType(pathOf(packageName, simpleName), packageName, simpleName, "class", false, imports, nested);
    }

    JavaProjectFixture addInterface(String packageName, String simpleName, List<String> imports) {
        return addType(pathOf(packageName, simpleName), packageName, simpleName, "interface", false, imports,
                List.of());
    }

    JavaProjectFixture addTestClass(String packageName, String simpleName, List<String> imports) {
        return addType("src/test/java/" + packageName.replace('.', '/') + "/" + simpleName + ".java", packageName,
                simpleName, "class", true, imports, List.of(), 1);
    }

    /** A Java file whose text the parser rejects. */
    JavaProjectFixture addUnparseable(String path, String text) {
        SourceFile file = write(path, text);
        models.add(new JavaFileModel(path, file.contentHash(), "", List.of(), List.of(),
                "Parse error at line 1: unexpected token"));
        return this;
    }

    /** A non-Java file: in the snapshot, not in the model. */
    JavaProjectFixture addOtherFile(String path, String text) {
        write(path, text);
        return this;
    }

    private JavaProjectFixture addType(String path, String packageName, String simpleName, String kind, boolean test,
                                       List<String> imports, List<String> nested, int... complexities) {
        StringBuilder text = new StringBuilder();
        int line = 1;
        if (!packageName.isEmpty()) {
            text.append("package ").append(packageName).append(";\n\n");
            line += 2;
        }
        for (String written : imports) {
            text.append("import ").append(written).append(";\n");
            line++;
        }
        text.append('\n');
        line++;
        String keyword = kind.equals("interface") ? "interface" : "class";
        String qualified = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
        int typeBegin = line;
        text.append("public ").append(keyword).append(' ').append(simpleName).append(" {\n");
        line++;
        List<JavaMethodModel> methods = new ArrayList<>();
        for (int m = 0; m < complexities.length; m++) {
            int begin = line;
            text.append("    int m").append(m).append("(int x) {\n");
            line++;
            for (int branch = 1; branch < complexities[m]; branch++) {
                text.append("        if (x == ").append(branch).append(") { x++; }\n");
                line++;
            }
            text.append("        return x;\n    }\n");
            line += 2;
            methods.add(new JavaMethodModel("m" + m, "m" + m + "(int)", false, false, begin, line - 1,
                    complexities[m], complexities[m], 0, true));
        }
        List<JavaTypeModel> nestedModels = new ArrayList<>();
        for (String inner : nested) {
            text.append("    public static class ").append(inner).append(" {\n    }\n");
            nestedModels.add(new JavaTypeModel(inner, qualified + "." + inner, "class", true, false, test,
                    line, line + 1, List.of()));
            line += 2;
        }
        text.append("}\n");
        List<JavaTypeModel> types = new ArrayList<>();
        types.add(new JavaTypeModel(simpleName, qualified, kind, true, kind.equals("interface"), test, typeBegin, line,
                methods));
        types.addAll(nestedModels);
        SourceFile file = write(path, text.toString());
        models.add(new JavaFileModel(path, file.contentHash(), packageName, List.copyOf(imports), types, null));
        return this;
    }

    private SourceFile write(String path, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Path target = root.resolve(path);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hash;
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            hash = formatter.idFor(Constants.OBJ_BLOB, bytes).name();
        }
        int lines = (int) text.lines().count();
        SourceFile file = new SourceFile(path, Language.of(path), bytes.length, lines, hash, false, false);
        files.add(file);
        return file;
    }

    JavaModel model() {
        return new JavaModel(snapshot().key(), List.copyOf(models));
    }

    Snapshot snapshot() {
        String key = Integer.toHexString(files.stream().map(SourceFile::contentHash).toList().hashCode());
        return new Snapshot(root, root.toString(), null, false, Instant.parse("2026-01-01T00:00:00Z"),
                List.copyOf(files), key);
    }

    /** Runs the perspective over this project with the given churn. */
    PerspectiveResult analyze(ChurnProvider churn) throws Exception {
        JavaModel model = model();
        return new ArchitecturePerspective(snapshot -> model, churn).analyze(context(snapshot()));
    }

    /** Runs the perspective over this project, its Python files modelled by the given provider. */
    PerspectiveResult analyze(dev.autocoder.workers.pythonmodel.PythonModelProvider python, ChurnProvider churn) throws Exception {
        JavaModel model = model();
        return new ArchitecturePerspective(snapshot -> model, python, churn).analyze(context(snapshot()));
    }

    static ChurnProvider noHistory() {
        return snapshot -> Optional.empty();
    }

    static ChurnProvider churn(FileChurn... entries) {
        return snapshot -> Optional.of(List.of(entries));
    }

    static PerspectiveContext context(Snapshot snapshot) {
        return new PerspectiveContext() {
            @Override
            public Snapshot snapshot() {
                return snapshot;
            }

            @Override
            public Optional<Row> previousRow(String perspectiveId) {
                return Optional.empty();
            }
        };
    }
}
