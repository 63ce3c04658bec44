package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.testplan.history.FileChange;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.testplan.rules.Scores;
import dev.autocoder.workers.testplan.rules.TestMapping;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.worker.PerspectiveContext;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Are We Testing? The scope of the plan: the files and methods added, changed and removed since the last
 * planned commit (committed and uncommitted changes, line counts by java-diff-utils), or the whole codebase on the
 * first run; test code, unparseable files and other languages are out of scope.
 * <p>
 * Specifications: one regression test per added or changed API method (none on a first run, where every method
 * is "new" and the other perspectives specify the tests). Quality score: the share of in-scope classes that have
 * a test class (by name or import); null when nothing is in scope.
 */
@Component
class WhatAreWeTestingPerspective extends TestPlanningPerspective {

    WhatAreWeTestingPerspective(TestPlanServices services) {
        super(services, "what-are-we-testing", "What Are We Testing?");
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        var scope = planning.scope();
        TestMapping tests = new TestMapping(planning.model());
        Set<TypeModel> classes = new LinkedHashSet<>();
        planning.scopeMethods().forEach(m -> classes.add(m.type()));
        long tested = classes.stream().filter(tests::isTested).count();
        int linesAdded = planning.changes() == null ? 0 : planning.changes().files().stream().mapToInt(FileChange::linesAdded).sum();
        int linesRemoved = planning.changes() == null ? 0 : planning.changes().files().stream().mapToInt(FileChange::linesRemoved).sum();
        result.metric("files_added", scope.filesAdded().size()).metric("files_changed", scope.filesChanged().size())
                .metric("files_removed", scope.filesRemoved().size()).metric("methods_added", scope.methodsAdded().size())
                .metric("methods_changed", scope.methodsChanged().size()).metric("methods_removed", scope.methodsRemoved().size())
                .metric("in_scope_files", scope.inScope().size()).metric("in_scope_methods", planning.scopeMethods().size())
                .metric("lines_added", linesAdded).metric("lines_removed", linesRemoved)
                .metric("in_scope_classes", classes.size()).metric("in_scope_classes_tested", tested);
        if (!planning.firstRun()) {
            for (MethodRef m : planning.scopeMethods()) {
                if (!m.isApi()) {
                    continue;
                }
                boolean added = scope.methodsAdded().contains(m.key());
                result.specifications.add(Specs.of(m, id(), "unit", m.method().name() + (added ? "_newBehaviour" : "_changedBehaviour"),
                        "a " + m.type().simpleName() + " as the " + (added ? "new" : "changed") + " code expects it",
                        "calling " + m.method().signature(),
                        "the result matches the behaviour intended by the change since " + shortId(planning.baseline()),
                        List.of(), added ? "the new method's documented result" : "the changed result; the unchanged cases still pass",
                        List.of()));
            }
        }
        result.qualityScore = Scores.share(tested, classes.size());
        CodeNouns inScope = CodeNouns.ofMethods(planning, planning.scopeMethods());
        if (planning.firstRun()) {
            long python = scope.inScope().stream().filter(f -> f.endsWith(".py")).count();
            String file = python == 0 ? "main Java file" : python == scope.inScope().size() ? "main Python file"
                    : "main Java and Python file";
            result.summary = "First plan: the whole codebase is in scope, " + Plural.of(scope.inScope().size(), file) + " with "
                    + inScope.method().of(planning.scopeMethods().size()) + "; "
                    + Plural.of(scope.outOfScope().size(), "entry", "entries") + " out of scope.";
        } else {
            result.summary = "Since " + shortId(planning.baseline()) + ": " + Plural.of(scope.filesAdded().size(), "file")
                    + " added, "
                    + scope.filesChanged().size() + " changed, " + scope.filesRemoved().size() + " removed (+" + linesAdded
                    + "/-" + linesRemoved + " lines); " + inScope.method().plural() + " " + scope.methodsAdded().size() + " added, "
                    + scope.methodsChanged().size() + " changed, " + scope.methodsRemoved().size() + " removed.";
        }
        if (classes.size() > tested) {
            CodeNouns untested = CodeNouns.ofMethods(planning,
                    planning.scopeMethods().stream().filter(m -> !tests.isTested(m.type())).toList());
            result.recommendations.add("Add tests for the " + untested.type().of(classes.size() - tested, "in-scope")
                    + " without a " + untested.testHolder() + ".");
        }
        if (!scope.methodsRemoved().isEmpty()) {
            // a removed method is gone from the model: the repository's words
            result.recommendations.add("Check the callers and tests of the "
                    + CodeNouns.ofMainCode(planning).method().of(scope.methodsRemoved().size(), "removed") + ".");
        }
        return result;
    }

    static String shortId(String commit) {
        return commit == null ? "the start" : commit.substring(0, Math.min(12, commit.length()));
    }
}
