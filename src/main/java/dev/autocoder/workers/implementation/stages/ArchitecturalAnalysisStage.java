package dev.autocoder.workers.implementation.stages;

import dev.autocoder.workers.implementation.ImplementationStage;
import dev.autocoder.workers.implementation.Stage;
import dev.autocoder.workers.implementation.StageOutput;
import dev.autocoder.workers.implementation.StageServices;
import dev.autocoder.workers.implementation.TaskAtHead;
import dev.autocoder.workers.implementation.row.CodeReference;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.row.Plural;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Stage 2: where the touched code sits: its package and type, the calls to it (callers) and from it (callees)
 * from the Java or Python model, the components (packages) those calls span, and the file's imports. Where the
 * finding is not placed in either model, the row says the call sites are not traced rather than counting none.
 * <p>
 * Quality score: none (null): this stage maps the code and rates nothing.
 */
@Component
class ArchitecturalAnalysisStage extends ImplementationStage {

    ArchitecturalAnalysisStage(StageServices services) {
        super(services, Stage.ARCHITECTURAL_ANALYSIS);
    }

    @Override
    protected void work(TaskAtHead facts, StageOutput out) {
        var code = facts.code();
        out.callers.addAll(facts.callers());
        out.callees.addAll(facts.callees());
        Set<String> components = new LinkedHashSet<>();
        if (code.located()) {
            String own = code.site().get().packageName();
            components.add(own.isEmpty() ? "(default package)" : own);
            for (CodeReference caller : facts.callers()) {
                code.model().file(caller.file()).map(FileModel::packageName)
                        .ifPresent(p -> components.add(p.isEmpty() ? "(default package)" : p));
            }
        } else if (facts.task().file() != null) {
            int slash = facts.task().file().lastIndexOf('/');
            components.add(slash < 0 ? "(repository root)" : facts.task().file().substring(0, slash));
        }
        out.components.addAll(components);
        if (code.fileModel() != null && code.fileModel().parsed()) {
            out.dependencies.addAll(code.fileModel().imports());
        }
        boolean python = code.isPython();
        if (code.located()) {
            out.metric("call_sites", facts.callers().size());
            out.metric("calling_classes", facts.callingClasses());
        }
        out.metric("callees", out.callees.size());
        out.metric("components", components.size());
        out.metric("imports", out.dependencies.size());
        String where = code.located() ? facts.code().subject() + " in " + String.join(", ", components.stream().limit(1).toList())
                : facts.task().file();
        String calls = code.located()
                ? Plural.of(facts.callers().size(), "call site") + " in " + Plural.of(facts.callingClasses(), "class")
                + (facts.callers().size() == 1 ? " reaches it" : " reach it")
                + (code.method() != null ? ", it makes " + Plural.of(out.callees.size(), "call") : "")
                : "call sites not traced (" + (facts.wholeModule() ? "the finding is about the whole module"
                : python ? "the line is outside every function of the Python model"
                : code.isJava() ? "the line is not placed in the Java model" : "only Java and Python code has a call graph")
                + ")";
        out.summary = where + ": " + calls + "; " + Plural.of(components.size(), "component") + " affected.";
        if (facts.touchedField().isPresent()) {
            var field = facts.touchedField().get();
            out.notes.add("The finding is on the " + field.describe() + ": callers are the reads and writes of it"
                    + (field.isPrivate() ? " in " + field.typeName() + " (a private field is visible nowhere else)."
                    : " in " + field.typeName() + " and in the files that name " + field.simpleName() + "."));
        } else if (facts.touchesImport()) {
            out.notes.add("The finding is on an import declaration: nothing references it, so no caller is affected.");
        } else if (code.method() == null && code.type() != null) {
            out.notes.add("The finding is outside a method: callers are the calls to " + code.type().qualifiedName()
                    + " from other types.");
        }
        if (python && code.method() != null && (code.method().method().hasAnnotation("property")
                || code.method().method().hasAnnotation("cached_property"))) {
            out.notes.add(code.method().method().name() + " is a property: it is read as `." + code.method().method().name()
                    + "`, not called, so its reads are not among the call sites.");
        }
        if (code.located() && python) {
            out.notes.add("Calls are resolved from the Python model without running the code: imported and local names, "
                    + "self and cls, values of a known class and parameters annotated with one; a call through a value of unknown "
                    + "type is not seen.");
        } else if (code.located()) {
            out.notes.add("Calls are resolved from declarations and imports without a classpath; overloads of the same name are not told apart.");
        }
    }
}
