package dev.autocoder.workers.implementation.code;

import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.List;
import java.util.Optional;

/**
 * The code a task touches, read at HEAD: the file's text and lines, where the finding sits (when the file is Java
 * and parses), and the Java model of the whole snapshot for callers, callees and tests.
 *
 * @param text      the file's text; null when it cannot be read (then {@code problem} says why)
 * @param site      the declarations around the finding's line; empty for non-Java or unparseable files
 * @param fileModel the file in the Java model; null for non-Java files
 * @param type      the innermost type around the finding in the Java model; null when unknown
 * @param method    the method or constructor around the finding; null outside one
 */
public record TaskCode(String file, String text, String problem, List<String> lines, Optional<CodeSite> site,
                       CodeModel model, FileModel fileModel, TypeModel type, MethodRef method) {

    /** A finding from line 1 to the file's last line (an untested Python module) is about the whole file. */
    public static boolean spansWholeFile(Integer line, Integer endLine, int lineCount) {
        return line != null && line == 1 && endLine != null && endLine >= lineCount && lineCount > 1;
    }

    public boolean readable() {
        return text != null;
    }

    public boolean isJava() {
        return file != null && file.endsWith(".java");
    }

    public boolean isPython() {
        return file != null && file.endsWith(".py");
    }

    /** True when the file is Java and JavaParser could place the finding in it. */
    public boolean located() {
        return site.isPresent();
    }

    /**
     * Why the code model does not place the finding in a type (so callers and tests are not known), in a few words;
     * null when it does.
     */
    public String unplaced() {
        if (located() && type != null) {
            return null;
        }
        if (!readable()) {
            return "the file cannot be read at HEAD";
        }
        if (!isJava() && !isPython()) {
            return "neither Java nor Python: no code model for this file";
        }
        if (fileModel != null && !fileModel.parsed()) {
            return "the file does not parse at HEAD";
        }
        return isPython() ? "outside every function of the Python model" : "no type at this line in the Java model";
    }

    /** Lines {@code from..to} (1-based, clamped to the file), joined with newlines; null when unreadable. */
    public String excerpt(int from, int to) {
        if (text == null || lines.isEmpty()) {
            return null;
        }
        int first = Math.max(1, from);
        int last = Math.min(lines.size(), Math.max(first, to));
        return String.join("\n", lines.subList(first - 1, last));
    }

    /** {@code com.acme.Parser#parse(String)}, or the type, or the file. */
    public String subject() {
        if (method != null) {
            return method.key();
        }
        if (type != null) {
            return type.qualifiedName();
        }
        return file;
    }
}
