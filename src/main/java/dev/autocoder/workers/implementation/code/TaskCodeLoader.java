package dev.autocoder.workers.implementation.code;

import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.CodeModelProvider;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the code a task touches at HEAD. The model is the test planner's: the Java model ({@link CodeModelProvider}:
 * built from PMD's parse, cached per file content, shared with the analysis and test-planning workers) with the
 * Python model ({@link PythonModelProvider}: Python's own {@code ast}, cached per file content), so a finding in a
 * Python function has its function, callers and callees as a Java one does. An unreadable, binary, oversized or
 * unparseable file gives a {@link TaskCode} that says so instead of an exception.
 */
@Component
public class TaskCodeLoader {

    private final CodeModelProvider models;
    private final PythonModelProvider pythonModels;

    public TaskCodeLoader(CodeModelProvider models, PythonModelProvider pythonModels) {
        this.models = models;
        this.pythonModels = pythonModels;
    }

    /** @param endLine the finding's last line: a Python finding from line 1 to the end is about the whole module */
    public TaskCode load(Snapshot snapshot, String file, Integer line, Integer endLine) {
        CodeModel model = models.codeModel(snapshot).with(pythonModels.model(snapshot));
        Optional<SourceFile> source = file == null ? Optional.empty() : snapshot.file(file);
        if (source.isEmpty()) {
            return new TaskCode(file, null, file == null ? "the finding names no file" : file + " does not exist at HEAD",
                    List.of(), Optional.empty(), model, null, null, null);
        }
        String text;
        try {
            text = snapshot.read(source.get());
        } catch (IOException e) {
            return new TaskCode(file, null, e.getMessage(), List.of(), Optional.empty(), model, null, null, null);
        }
        List<String> lines = text.lines().toList();
        FileModel fileModel = model.file(file).orElse(null);
        if (file.endsWith(".py") && line != null && !TaskCode.spansWholeFile(line, endLine, lines.size())) {
            return inPythonFunction(file, text, lines, model, fileModel, line);
        }
        if (!file.endsWith(".java")) {
            return new TaskCode(file, text, null, lines, Optional.empty(), model, fileModel, null, null);
        }
        if (line == null) {
            return wholeFile(file, text, lines, model, fileModel);
        }
        Optional<CodeSite> site = CodeLocator.locate(text, line, snapshot.javaLanguageLevel(file));
        TypeModel type = null;
        MethodRef method = null;
        if (site.isPresent() && fileModel != null && fileModel.parsed()) {
            type = fileModel.types().stream().filter(t -> t.qualifiedName().equals(site.get().typeName())).findFirst().orElse(null);
            if (type != null && site.get().inCallable()) {
                TypeModel owner = type;
                method = type.methods().stream()
                        .filter(m -> m.beginLine() == site.get().callableBegin() && m.name().equals(site.get().callableName()))
                        .findFirst().map(m -> new MethodRef(fileModel, owner, m)).orElse(null);
            }
        }
        return new TaskCode(file, text, null, lines, site, model, fileModel, type, method);
    }

    /**
     * A finding in a Python file: placed in the innermost function or method around its line (decorators included),
     * from the Python model; else in the class around it (its statement, decorators or attributes), as a Java finding
     * on a type's declaration is; outside both (an import, a module statement) it stays unplaced, as in a file of
     * another language.
     */
    private static TaskCode inPythonFunction(String file, String text, List<String> lines, CodeModel model,
                                             FileModel fileModel, int line) {
        Optional<MethodRef> method = methodAt(model, file, line);
        if (method.isEmpty()) {
            Optional<TypeModel> owner = fileModel == null || !fileModel.parsed() ? Optional.empty()
                    : fileModel.types().stream().filter(t -> t.kind().equals("class") && t.spans(line)).findFirst();
            return owner.map(t -> new TaskCode(file, text, null, lines,
                            Optional.of(new CodeSite(fileModel.packageName(), t.qualifiedName(), null, null, null, null)),
                            model, fileModel, t, null))
                    .orElseGet(() -> new TaskCode(file, text, null, lines, Optional.empty(), model, fileModel, null, null));
        }
        MethodRef m = method.get();
        CodeSite site = new CodeSite(fileModel.packageName(), m.type().qualifiedName(), null, m.method().name(),
                m.method().beginLine(), m.method().endLine());
        return new TaskCode(file, text, null, lines, Optional.of(site), model, fileModel, m.type(), m);
    }

    /** A finding about a whole Java file (no line): its main type, when the file parses. */
    private static TaskCode wholeFile(String file, String text, List<String> lines, CodeModel model, FileModel fileModel) {
        if (fileModel == null || !fileModel.parsed() || fileModel.types().isEmpty()) {
            return new TaskCode(file, text, null, lines, Optional.empty(), model, fileModel, null, null);
        }
        String simpleName = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
        TypeModel type = fileModel.types().stream().filter(t -> t.simpleName().equals(simpleName)).findFirst()
                .orElse(fileModel.types().get(0));
        CodeSite site = new CodeSite(fileModel.packageName(), type.qualifiedName(), "the whole file", null, null, null);
        return new TaskCode(file, text, null, lines, Optional.of(site), model, fileModel, type, null);
    }

    /** The method of the model that spans a line of a file, if any (innermost). */
    public static Optional<MethodRef> methodAt(CodeModel model, String file, int line) {
        Optional<FileModel> fileModel = model.file(file);
        if (fileModel.isEmpty() || !fileModel.get().parsed()) {
            return Optional.empty();
        }
        MethodRef best = null;
        for (TypeModel type : fileModel.get().types()) {
            for (MethodModel method : type.methods()) {
                if (method.beginLine() <= line && line <= method.endLine()
                        && (best == null || method.endLine() - method.beginLine() < best.method().endLine() - best.method().beginLine())) {
                    best = new MethodRef(fileModel.get(), type, method);
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
