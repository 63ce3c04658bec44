package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaMethodModel;
import dev.autocoder.workers.javamodel.JavaMethodRef;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.row.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Findings for code that has grown too big or too branchy, from the Java model:
 * <ul>
 *   <li>{@code oversized-file}: a Java file over {@value #FILE_LINES} lines (medium)</li>
 *   <li>{@code oversized-class}: a type over {@value #CLASS_LINES} lines (medium)</li>
 *   <li>{@code oversized-method}: a method over {@value #METHOD_LINES} lines (medium)</li>
 *   <li>{@code complex-method}: cyclomatic complexity of at least {@value #COMPLEX_CYCLOMATIC} (medium), at least
 *       {@value #VERY_COMPLEX_CYCLOMATIC} (high), each switch counted as one decision
 *       ({@link JavaMethodModel#modifiedCyclomatic()}): a switch that maps values is no reason to split a method</li>
 * </ul>
 */
final class SizeChecks {

    static final int FILE_LINES = 1000;
    static final int CLASS_LINES = 500;
    static final int METHOD_LINES = 80;
    static final int COMPLEX_CYCLOMATIC = 20;
    static final int VERY_COMPLEX_CYCLOMATIC = 50;

    static final String OVERSIZED_FILE = "oversized-file";
    static final String OVERSIZED_CLASS = "oversized-class";
    static final String OVERSIZED_METHOD = "oversized-method";
    static final String COMPLEX_METHOD = "complex-method";

    private SizeChecks() {
    }

    static List<Finding> findings(List<SourceFile> javaFiles, JavaModel model, List<JavaMethodRef> methods) {
        List<Finding> findings = new ArrayList<>();
        for (SourceFile file : javaFiles) {
            if (file.lines() > FILE_LINES) {
                findings.add(Finding.of(OVERSIZED_FILE, "Size", Severity.MEDIUM, file.path(), 1, file.lines(),
                        "File has " + Plural.of(file.lines(), "line") + " (limit " + FILE_LINES + "); split it by responsibility",
                        ""));
            }
        }
        for (JavaFileModel file : model.parsedFiles()) {
            for (JavaTypeModel type : file.types()) {
                if (type.lines() > CLASS_LINES) {
                    findings.add(Finding.of(OVERSIZED_CLASS, "Size", Severity.MEDIUM, file.path(), type.beginLine(),
                            type.endLine(), type.kind() + " " + type.qualifiedName() + " has "
                                    + Plural.of(type.lines(), "line") + " (limit " + CLASS_LINES + ")", type.qualifiedName()));
                }
            }
        }
        for (JavaMethodRef ref : methods) {
            int lines = ref.method().lines();
            if (lines > METHOD_LINES) {
                findings.add(Finding.of(OVERSIZED_METHOD, "Size", Severity.MEDIUM, ref.path(), ref.method().beginLine(),
                        ref.method().endLine(),
                        ref.displayName() + " has " + Plural.of(lines, "line") + " (limit " + METHOD_LINES + ")",
                        ref.displayName()));
            }
            int cyclo = ref.method().modifiedCyclomatic();
            if (cyclo >= COMPLEX_CYCLOMATIC) {
                Severity severity = cyclo >= VERY_COMPLEX_CYCLOMATIC ? Severity.HIGH : Severity.MEDIUM;
                findings.add(Finding.of(COMPLEX_METHOD, "Complexity", severity, ref.path(), ref.method().beginLine(),
                        ref.method().endLine(), ref.displayName() + " has cyclomatic complexity " + cyclo
                                + (ref.method().switchCases() == 0 ? "" : " counting each switch once ("
                                + ref.method().cyclomatic() + " with every case)") + " (limit " + COMPLEX_CYCLOMATIC + ")",
                        ref.displayName()));
            }
        }
        return findings;
    }

    static long count(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).count();
    }
}
