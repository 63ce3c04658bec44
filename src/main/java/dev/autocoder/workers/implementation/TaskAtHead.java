package dev.autocoder.workers.implementation;

import dev.autocoder.workers.implementation.approach.ApproachCatalog;
import dev.autocoder.workers.implementation.approach.RuleFamily;
import dev.autocoder.workers.implementation.code.CallGraph;
import dev.autocoder.workers.implementation.code.FieldReferences;
import dev.autocoder.workers.implementation.code.TaskCode;
import dev.autocoder.workers.implementation.code.TaskCodeLoader;
import dev.autocoder.workers.implementation.patch.FixOutcome;
import dev.autocoder.workers.implementation.patch.MechanicalFixes;
import dev.autocoder.workers.implementation.patch.ProposedPatch;
import dev.autocoder.workers.implementation.row.CodeReference;
import dev.autocoder.workers.implementation.row.Evidence;
import dev.autocoder.workers.implementation.row.Location;
import dev.autocoder.workers.implementation.row.TaskInfo;
import dev.autocoder.workers.implementation.task.LatestAnalysis;
import dev.autocoder.workers.implementation.task.Presence;
import dev.autocoder.workers.implementation.tests.TestPlanningSpecs;
import dev.autocoder.workers.repository.ChurnProvider;
import dev.autocoder.workers.repository.FileChurn;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.row.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the stages know about one task at HEAD, computed on first use: the code and where the finding sits,
 * the mechanical fix, callers and callees, the methods the change touches, the test-planning specifications for
 * them, and the file's churn. Every stage rebuilds these from the repository as it is now, so a cycle continued
 * after a restart (or after a new commit) works on the current code.
 */
public final class TaskAtHead {

    /** Lines of context shown around the finding in the evidence excerpt. */
    static final int EXCERPT_CONTEXT = 2;
    /** The excerpt shows at most this many lines. */
    static final int EXCERPT_MAX_LINES = 40;

    private final Snapshot snapshot;
    private final TaskInfo task;
    private final Presence presence;
    private final LatestAnalysis latest;
    private final TaskCode code;
    private final RuleFamily family;
    private final MechanicalFixes fixes;
    private final ChurnProvider churn;
    private final TestPlanningSpecs specSource;

    private FixOutcome outcome;
    private boolean outcomeDone;
    private List<CodeReference> callers;
    private Optional<FieldReferences.Field> field;
    private List<MethodRef> touched;
    private TestPlanningSpecs.Specs specs;
    private Optional<FileChurn> fileChurn;
    private boolean churnKnown;
    /** The listed target the iteration runs on (null: the single target): whose test-planning rows are read. */
    private final String targetId;

    TaskAtHead(Snapshot snapshot, TaskInfo task, Presence presence, LatestAnalysis latest, TaskCodeLoader loader,
              MechanicalFixes fixes, ChurnProvider churn, TestPlanningSpecs specSource, String targetId) {
        this.targetId = targetId;
        this.snapshot = snapshot;
        this.task = task;
        this.presence = presence;
        this.latest = latest;
        this.code = loader.load(snapshot, task.file(), task.line(), task.endLine());
        this.family = RuleFamily.of(task.rule(), task.category());
        this.fixes = fixes;
        this.churn = churn;
        this.specSource = specSource;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public TaskInfo task() {
        return task;
    }

    public Presence presence() {
        return presence;
    }

    public LatestAnalysis latest() {
        return latest;
    }

    /**
     * Why callers and tests of the task's code are not known ({@link TaskCode#unplaced}), or that the finding is
     * about a whole Python module (an untested module spans line 1 to its last), which no function holds; null
     * when the model places it.
     */
    public String unplaced() {
        String unplaced = code.unplaced();
        return unplaced != null && wholeModule() ? "the finding is about the whole module, not one function" : unplaced;
    }

    /** A Python finding that spans its whole file. */
    public boolean wholeModule() {
        return code.isPython() && code.readable() && TaskCode.spansWholeFile(task.line(), task.endLine(), code.lines().size());
    }

    public TaskCode code() {
        return code;
    }

    public RuleFamily family() {
        return family;
    }

    /** {@code lines 12-14} or {@code line 12} or {@code the file}. */
    public String place() {
        if (task.line() == null) {
            return "(the whole file)";
        }
        int end = task.endLine() == null ? task.line() : task.endLine();
        return end == task.line() ? "line " + task.line() : "lines " + task.line() + "-" + end;
    }

    public Evidence evidence() {
        Integer start = null;
        Integer end = null;
        String excerpt = null;
        if (code.readable() && task.line() != null) {
            int last = Math.max(task.line(), task.endLine() == null ? task.line() : task.endLine());
            start = Math.max(1, task.line() - EXCERPT_CONTEXT);
            end = Math.min(code.lines().size(), Math.min(last + EXCERPT_CONTEXT, start + EXCERPT_MAX_LINES - 1));
            excerpt = code.excerpt(start, end);
        }
        return new Evidence(task.file(), start, end, excerpt, snapshot.commit(), presence.present(), presence.how());
    }

    public Location location() {
        if (!code.located()) {
            return Location.none();
        }
        var site = code.site().get();
        MethodRef method = code.method();
        Boolean api = null;
        if (method != null) {
            api = method.isApi();
        } else if (code.type() != null) {
            api = code.type().isPublic();
        }
        return new Location(site.packageName(), site.typeName(), site.member(),
                method == null ? null : method.method().signature(),
                method == null ? site.callableBegin() : Integer.valueOf(method.method().beginLine()),
                method == null ? site.callableEnd() : Integer.valueOf(method.method().endLine()), api,
                method == null ? null : method.method().cyclomatic());
    }

    /** The mechanical fix's outcome; null when the rule has none (a ruff rule with an unsafe fix says why it is not applied). */
    public FixOutcome mechanicalOutcome() {
        if (!outcomeDone) {
            outcomeDone = true;
            if (fixes.answers(task.rule(), task.file()) && task.line() != null) {
                outcome = fixes.propose(snapshot.root(), task.file(), task.rule(), task.line(), task.endLine());
            }
        }
        return outcome;
    }

    public Optional<ProposedPatch> verifiedPatch() {
        FixOutcome fix = mechanicalOutcome();
        return fix == null ? Optional.empty() : fix.proposedPatch().filter(p -> p.verification().ok());
    }

    /**
     * The references to the touched member: calls to the touched method; reads and writes of the touched field (in
     * its class for a private field, across the project otherwise); none for an import; and, for a finding about a
     * whole type, calls to the type from other types.
     */
    public List<CodeReference> callers() {
        if (callers == null) {
            if (code.method() != null) {
                callers = CallGraph.callers(code.model(), code.method());
            } else if (touchedField().isPresent()) {
                callers = FieldReferences.of(snapshot, task.file(), code.text(), touchedField().get());
            } else if (touchesImport()) {
                callers = List.of();
            } else if (code.type() != null) {
                callers = CallGraph.typeReferences(code.model(), code.type());
            } else {
                callers = List.of();
            }
        }
        return callers;
    }

    /** The field declared at the finding's line, when the finding is on a field declaration. */
    public Optional<FieldReferences.Field> touchedField() {
        if (field == null) {
            field = code.method() == null && code.readable() && code.isJava() && task.line() != null
                    ? FieldReferences.at(snapshot, task.file(), code.text(), task.line()) : Optional.empty();
        }
        return field;
    }

    /** True when the finding is on an import declaration, which nothing else references. */
    public boolean touchesImport() {
        return code.method() == null && code.located() && code.site().get().member() != null
                && code.site().get().member().startsWith("import ");
    }

    /**
     * What the change touches, for the risks: {@code com.shop.Parser#parse(String)}, {@code private field log of
     * com.shop.Parser}, {@code import java.util.Map in com.shop.Catalog}, or the type or file.
     */
    public String touchedSubject() {
        if (code.method() != null) {
            return code.method().key();
        }
        if (touchedField().isPresent()) {
            return touchedField().get().describe() + " of " + touchedField().get().typeName();
        }
        if (touchesImport()) {
            return code.site().get().member() + (code.type() != null ? " in " + code.type().qualifiedName() : "");
        }
        return code.located() ? code.subject() : task.file();
    }

    /** The type that declares the touched member; null when unknown. */
    public String owningType() {
        if (code.method() != null) {
            return code.method().type().qualifiedName();
        }
        if (touchedField().isPresent()) {
            return touchedField().get().typeName();
        }
        return code.type() == null ? null : code.type().qualifiedName();
    }

    /** References to the touched member from other classes than the one declaring it. */
    public List<CodeReference> outsideCallers() {
        String owner = owningType();
        return callers().stream().filter(c -> owner == null || !owner.equals(c.className())).toList();
    }

    public int callingClasses() {
        return (int) callers().stream().map(CodeReference::className).distinct().count();
    }

    public List<CodeReference> callees() {
        return code.method() == null ? List.of() : CallGraph.callees(code.method());
    }

    /** The methods the change touches: the one around the finding and those the mechanical diff changes. */
    public List<MethodRef> touchedMethods() {
        if (touched == null) {
            Map<String, MethodRef> methods = new LinkedHashMap<>();
            if (code.method() != null) {
                methods.put(code.method().key(), code.method());
            }
            FixOutcome fix = mechanicalOutcome();
            if (fix != null && fix.fixable() && task.file() != null) {
                for (int line : DiffLines.originalLinesChanged(fix.patch().unifiedDiff())) {
                    TaskCodeLoader.methodAt(code.model(), task.file(), line).ifPresent(m -> methods.putIfAbsent(m.key(), m));
                }
            }
            touched = List.copyOf(methods.values());
        }
        return touched;
    }

    public TestPlanningSpecs.Specs specs() {
        if (specs == null) {
            specs = specSource.latest(targetId);
        }
        return specs;
    }

    public String testPlanningDataset() {
        return specSource.dataset();
    }

    /** The test-planning worker's specifications for the touched methods. */
    public List<TestSpecification> specsForTouchedMethods() {
        Map<String, TestSpecification> found = new LinkedHashMap<>();
        for (MethodRef method : touchedMethods()) {
            specs().forMethod(method.key()).forEach(s -> found.putIfAbsent(s.id(), s));
        }
        return List.copyOf(found.values());
    }

    public List<String> testSpecIds() {
        return specsForTouchedMethods().stream().map(TestSpecification::id).toList();
    }

    /** The file's churn in the window; empty without git history or when the file has no commits in it. */
    public Optional<FileChurn> churn() {
        if (!churnKnown) {
            churnKnown = true;
            fileChurn = churn.churn(snapshot).flatMap(all -> all.stream().filter(c -> c.path().equals(task.file())).findFirst());
        }
        return fileChurn;
    }

    /** Commits touching the file in the churn window; 0 when none; null without git history. */
    public Integer commits() {
        if (!snapshot.hasGitHistory()) {
            return null;
        }
        return churn().map(FileChurn::commits).orElse(0);
    }

    public ApproachCatalog.Evaluation approaches() {
        MethodRef method = code.method();
        return ApproachCatalog.evaluate(family, task.rule(), mechanicalOutcome(), new ApproachCatalog.SizeFacts(place(),
                method == null ? null : method.key(),
                method == null ? null : method.method().endLine() - method.method().beginLine() + 1,
                code.readable() ? code.lines().size() : null, callers().size(), touchedSubject(), task.message(),
                code.isPython() ? "`# noqa: " + task.rule() + "` on its line"
                        : "an annotation or the rule's configuration"));
    }

    /** Other findings of the latest analysis rows in the same file, most severe first; not those the task groups. */
    public List<Finding> otherFindingsInFile() {
        Set<String> seen = new LinkedHashSet<>();
        task.groupedFindings().forEach(g -> seen.add(g.findingId()));
        List<Finding> others = new ArrayList<>();
        latest.candidates().forEach(c -> {
            Finding f = c.finding();
            if (task.file() != null && task.file().equals(f.file()) && !f.id().equals(task.findingId()) && seen.add(f.id())) {
                others.add(f);
            }
        });
        return others;
    }

    /** The finding in one line, for prompts. */
    public String findingLine() {
        return task.rule() + " (" + task.category() + ", " + task.severity() + ") at " + task.file()
                + (task.line() == null ? "" : ":" + task.line()) + ": " + task.message();
    }
}
