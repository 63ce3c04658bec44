package dev.autocoder.workers.testplan;

import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.worker.NamedPerspective;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;

/**
 * A perspective of the test-planning worker. Subclasses compute a {@link PlanResult} from the {@link Planning};
 * this class builds the planning inputs, answers {@code skipped} rows when there is no Java or Python to plan for, and turns
 * the result into the worker's fixed row shape.
 */
public abstract class TestPlanningPerspective extends NamedPerspective {

    public static final String WORKER = "test-planning";

    protected final TestPlanServices services;

    protected TestPlanningPerspective(TestPlanServices services, String id, String name) {
        super(WORKER, id, name);
        this.services = services;
    }

    /** False for perspectives that also work without Java or Python code (CI/CD, the big picture). */
    protected boolean needsJava() {
        return true;
    }

    protected abstract PlanResult plan(Planning planning, PerspectiveContext context) throws Exception;

    @Override
    public PerspectiveResult analyze(PerspectiveContext context) throws Exception {
        Snapshot snapshot = context.snapshot();
        long javaFiles = snapshot.files(Language.JAVA).size();
        long pythonFiles = snapshot.files(Language.PYTHON).size();
        if (needsJava() && javaFiles + pythonFiles == 0) {
            return services.skipped("No Java or Python files in the repository: " + name() + " plans tests from the "
                    + "Java and Python models, so there is nothing to plan.");
        }
        Planning planning = services.planning().plan(snapshot, context.previousRow(id()));
        if (needsJava() && planning.model().parsed().isEmpty()) {
            return services.skipped("None of the " + (javaFiles > 0 ? javaFiles + " Java" : "")
                    + (javaFiles > 0 && pythonFiles > 0 ? " and " : "") + (pythonFiles > 0 ? pythonFiles + " Python" : "")
                    + (javaFiles + pythonFiles == 1 ? " file" : " files") + " could be parsed (first: "
                    + planning.model().files().get(0).path() + ": "
                    + planning.model().files().get(0).parseError() + "), so there is nothing to plan.");
        }
        PlanResult result = plan(planning, context);
        if (!planning.model().unparseable().isEmpty()) {
            long python = planning.model().unparseable().stream().filter(f -> f.path().endsWith(".py")).count();
            long java = planning.model().unparseable().size() - python;
            String files = java > 0 && python > 0 ? Plural.of(java, "Java file") + " and " + Plural.of(python, "Python file")
                    : java > 0 ? Plural.of(java, "Java file") : Plural.of(python, "Python file");
            result.notes.add(files + " could not be parsed and " + (java + python == 1 ? "is" : "are") + " left out: "
                    + planning.model().unparseable().stream().limit(5).map(f -> f.path() + " (" + f.parseError() + ")")
                    .reduce((a, b) -> a + "; " + b).orElse("") + ".");
            result.metric("unparseable_files", planning.model().unparseable().size());
        }
        return services.toResult(id(), planning, result);
    }
}
