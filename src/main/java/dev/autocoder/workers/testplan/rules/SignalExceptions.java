package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.javamodel.CatchSite;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.ThrowSite;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Exceptions the project raises only as a signal to stop work it started: a class of its own main code that every
 * raise creates without arguments (jinja2's {@code raise VisitorExit()} ends a visitor's walk; Java's
 * {@code throw new StopWalking();}). A handler that lets only such exceptions go is the other end of the signal, not a
 * lost failure.
 */
public final class SignalExceptions {

    /** {@code raise Stop}, {@code raise Stop()}, {@code throw new Stop();}: nothing said, nothing carried. */
    private static final Pattern WITHOUT_ARGUMENTS = Pattern.compile(
            "^(raise\\s+[\\w.]+(\\(\\s*\\))?|throw\\s+new\\s+[\\w.]+\\(\\s*\\)\\s*;?)$");

    private final Set<String> signals;

    public SignalExceptions(CodeModel model) {
        Set<String> declared = model.mainFiles().stream().map(FileModel::types).flatMap(List::stream)
                .map(TypeModel::simpleName).collect(Collectors.toSet());
        Map<String, Boolean> silentEverywhere = new HashMap<>();
        for (MethodRef m : model.mainMethods()) {
            for (ThrowSite t : m.method().throwSites()) {
                if (t.type() != null) {
                    boolean silent = WITHOUT_ARGUMENTS.matcher(t.text().strip()).matches();
                    silentEverywhere.merge(simple(t.type()), silent, Boolean::logicalAnd);
                }
            }
        }
        signals = silentEverywhere.entrySet().stream().filter(e -> e.getValue() && declared.contains(e.getKey()))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the project raises this type only as a stop signal. */
    public boolean isSignal(String type) {
        return signals.contains(simple(type));
    }

    /** Whether the handler catches signals only. */
    public boolean catchesOnlySignals(CatchSite c) {
        return !c.types().isEmpty() && c.types().stream().allMatch(this::isSignal);
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
