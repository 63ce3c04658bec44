package dev.autocoder.workers.implementation.approach;

import dev.autocoder.workers.python.RuffFixTable;

import java.util.List;
import java.util.Set;

import static dev.autocoder.workers.implementation.approach.ApproachTemplate.mechanical;
import static dev.autocoder.workers.implementation.approach.ApproachTemplate.manual;

/**
 * Families of analysis rules that share their candidate fixes. Each family lists its approaches, the one preferred
 * when no mechanical patch exists ({@code fallback}), and what the code shows about the cause.
 */
public enum RuleFamily {

    RUFF_FIX("ruff rules with a safe fix", Set.copyOf(RuffFixTable.shipped().safeRules()), Set.of(),
            "a Python construct ruff can rewrite without changing behaviour (python/ruff-fixes.tsv)",
            1,
            mechanical("Apply ruff's safe fix", "Apply ruff's own fix for {rule} in the file (`ruff check --fix --select {rule}`).",
                    FixReach.LINES,
                    List.of("ruff's documentation marks the fix safe: no behaviour change", "the same edit the project's own ruff makes"),
                    List.of("fixes every finding of the rule in the file at once")),
            manual("Change the code as the rule describes", "Change {member} at {place} so that {rule} no longer applies: {message}",
                    FixReach.LINES, List.of("addresses the finding directly"), List.of("written by hand")),
            manual("Keep it with a reason", "Add `# noqa: {rule}` at {place} with the reason it stays.", FixReach.LINES,
                    List.of("no code change", "documents the intent"), List.of("the construct stays"))),

    UNDEFINED_NAME("undefined names", Set.of("F821"), Set.of(),
            "a name used where nothing defines it (a missing import, a rename left half done): a NameError when the line "
                    + "runs",
            1,
            mechanical("Import or qualify the name from the module that defines it", "Write the name as the file "
                            + "imports the module that defines it (`module.Name`), or import it from that module: {message}",
                    FixReach.LINES, List.of("the line runs as its author meant", "nothing else changes"),
                    List.of("a name two modules define needs a person's choice")),
            manual("Define or correct the name where it is used",
                    "At {place}, define the name or correct a misspelt one: {message}", FixReach.LINES, List.of("for a name the project does not define"), List.of("needs the author's intent")),
            manual("Remove the code that cannot run", "Delete the statement at {place} when no caller can reach it.",
                    FixReach.METHOD, List.of("less code"), List.of("a path someone relies on disappears"))),

    POSITIONAL_RE_ARGUMENTS("positional arguments of re functions", Set.of("B034"), Set.of(),
            "`re.sub`/`re.split` take the count (or maxsplit) before the flags, so a flag passed positionally is a count",
            1,
            mechanical("Pass them by keyword", "Write the keyword of each argument after the string (a flag passed as "
                            + "the count becomes `flags=`): {message}", FixReach.LINES,
                    List.of("the call says what each argument is", "a flag mistaken for a count starts to work"),
                    List.of("a flag that was ignored now applies: the pattern may match differently")),
            manual("Rewrite the call by hand", "At {place}, pass the count, maxsplit and flags by keyword: {message}",
                    FixReach.LINES, List.of("for calls the worker cannot read"), List.of("written by hand"))),

    UNUSED_CODE("unused code",
            Set.of("UnusedPrivateField", "UnusedLocalVariable", "UnnecessaryImport", "UnusedImports", "UnusedPrivateMethod",
                    "UnusedFormalParameter", "UnusedAssignment", "SingularField"),
            Set.of(),
            "a declaration that nothing reads: left over from code that changed, or never wired in",
            1,
            mechanical("Remove the unused declaration", "Delete the declaration and the plain assignments to it "
                            + "(for a parameter of a private method, the argument each call passes).", FixReach.LINES,
                    List.of("less code to read and maintain", "no behaviour change when nothing reads it and its value has no side effects"),
                    List.of("a value someone meant to use is lost", "code reached only by reflection is invisible to the analysis")),
            manual("Use the value where it was meant to be used", "Find the code that should read it and make it do so.", FixReach.METHOD,
                    List.of("may fix a forgotten check or setting"),
                    List.of("needs the author's intent, which the code does not show", "changes behaviour")),
            manual("Keep it and suppress the warning with a reason", "Annotate {member} with @SuppressWarnings(\"PMD.{rule}\") and say why it stays.",
                    FixReach.LINES, List.of("no code change", "documents the intent"), List.of("the dead code stays"))),

    EMPTY_CATCH("swallowed exceptions", Set.of("EmptyCatchBlock"), Set.of(),
            "an exception is caught and dropped without a trace, so the failure is invisible",
            1,
            mechanical("Log the ignored exception", "Log it at WARNING with its stack trace (System.Logger), keeping the control flow.",
                    FixReach.LINES, List.of("keeps behaviour exactly", "makes the lost failure visible", "needs no dependency"),
                    List.of("log noise if the exception is frequent and expected")),
            manual("Handle it explicitly", "Recover or return an explicit fallback and say why in the code.", FixReach.METHOD,
                    List.of("makes the intended outcome explicit"), List.of("needs domain knowledge the code does not show")),
            manual("Rethrow it wrapped", "Rethrow as an unchecked exception with the cause.", FixReach.METHOD,
                    List.of("the failure can no longer be missed"), List.of("changes behaviour for every caller")),
            manual("Document why it may be ignored", "Comment the block and name the variable `ignored`.", FixReach.LINES,
                    List.of("smallest change"), List.of("the failure stays silent"))),

    STRING_CONCATENATION("string building in loops", Set.of("UseStringBufferForStringAppends", "InefficientStringBuffering",
            "ConsecutiveAppendsShouldReuse", "ConsecutiveLiteralAppends"), Set.of(),
            "a String rebuilt on every iteration: each += copies the whole text, quadratic in the number of parts",
            1,
            mechanical("Build the text with a StringBuilder", "Declare a StringBuilder, append in the loop, call toString() where the text is read.",
                    FixReach.LINES, List.of("linear time", "same result"), List.of("slightly longer code")),
            manual("Collect the parts and join them", "Collect into a list and use String.join or Collectors.joining.", FixReach.METHOD,
                    List.of("reads as intent", "no manual separators"), List.of("restructures the loop", "an extra list")),
            manual("Leave it", "Keep the concatenation when the loop is short and bounded.", FixReach.LINES,
                    List.of("no change"), List.of("quadratic cost stays if the input grows"))),

    BOOLEAN_RETURNS("boolean-returning if/else", Set.of("SimplifyBooleanReturns", "SimplifyBooleanExpressions",
            "SimplifiedTernary"), Set.of(),
            "an if/else that returns the literals true and false instead of the condition itself",
            1,
            mechanical("Return the condition", "Replace the if/else with `return <condition>;` (negated where needed).", FixReach.LINES,
                    List.of("shorter", "same result"), List.of("a breakpoint on a branch is no longer possible")),
            manual("Leave the if/else", "Keep the branches when they are expected to grow.", FixReach.LINES,
                    List.of("no change"), List.of("the redundancy stays"))),

    RESOURCES("unclosed resources", Set.of("UseTryWithResources", "CloseResource"), Set.of(),
            "a stream or reader is opened and closed by hand (or not at all), so an exception can leak it",
            1,
            mechanical("Use try-with-resources", "Open the stream in a try-with-resources statement.", FixReach.METHOD,
                    List.of("closed on every path, exceptions included", "suppressed exceptions kept"),
                    List.of("re-indents the block")),
            manual("Close it in a finally block", "Keep the variable and close it in finally, null-checked.", FixReach.METHOD,
                    List.of("works where the resource outlives one block"), List.of("verbose", "close() failures hide earlier ones")),
            manual("Hand ownership to the caller", "Return or store the stream and document who closes it.", FixReach.PROJECT,
                    List.of("fits streams that outlive the method"), List.of("every caller must close it"))),

    LOST_CAUSE("lost exception causes", Set.of("PreserveStackTrace"), Set.of(),
            "a catch block throws a new exception without the caught one, so the original stack trace is lost",
            1,
            mechanical("Pass the caught exception as the cause", "Add the caught exception as the new exception's cause argument.",
                    FixReach.LINES, List.of("the original stack trace appears under \"Caused by\"", "same exception type and message"),
                    List.of("getCause() is no longer null for code that inspects it")),
            manual("Add the cause by hand", "Pass the caught exception to a constructor that takes a cause, adding one to the "
                            + "exception class where it has none.", FixReach.CLASS,
                    List.of("works for any exception class"), List.of("may change the exception class's API")),
            manual("Rethrow the caught exception", "Throw the original exception (or let it propagate) instead of a new one.",
                    FixReach.METHOD, List.of("nothing is lost"), List.of("changes the exception type callers see")),
            manual("Log it before throwing", "Log the caught exception, then throw the new one.", FixReach.LINES,
                    List.of("keeps the thrown type and constructor"), List.of("the trace is split between log and exception"))),

    MISSING_OVERRIDE("missing @Override", Set.of("MissingOverride"), Set.of(),
            "a method overrides or implements a supertype's method without saying so, so a later signature change silently stops overriding",
            1,
            mechanical("Add @Override", "Annotate the method with @Override.", FixReach.LINES,
                    List.of("no run-time change", "the compiler checks the override from then on"), List.of("one more line")),
            manual("Add @Override by hand", "Annotate the method where the tool could not (say, its declaration spans unusual lines).",
                    FixReach.LINES, List.of("same as the mechanical change"), List.of("manual work")),
            manual("Leave it", "Accept the finding.", FixReach.LINES, List.of("no change"),
                    List.of("a renamed supertype method leaves this one silently unused"))),

    CHAR_APPENDS("one-character string appends", Set.of("AppendCharacterWithChar"), Set.of(),
            "a single character appended as a String literal, which goes through the String overload",
            1,
            mechanical("Append a char", "Replace the one-character string literal with a char literal.", FixReach.LINES,
                    List.of("same text appended", "the cheaper char overload"), List.of("none beyond the edit")),
            manual("Append chars by hand", "Change the literals whose receiver the tool could not tell is a StringBuilder or StringBuffer.",
                    FixReach.LINES, List.of("same as the mechanical change"), List.of("check each receiver has an append(char)")),
            manual("Leave it", "Accept the finding.", FixReach.LINES, List.of("no change"), List.of("a little waste per call"))),

    COMPLEXITY("size and complexity", Set.of("complex-method", "oversized-method", "oversized-class", "oversized-file",
            "GodClass", "CognitiveComplexity", "NPathComplexity", "ExcessiveParameterList", "ExcessivePublicCount",
            "TooManyFields", "highly-coupled-class", "AvoidDeeplyNestedIfStmts", "nested-loops", "SwitchDensity",
            // ruff's for Python: mccabe, and pylint's too many branches, arguments, returns, statements
            "C901", "PLR0911", "PLR0912", "PLR0913", "PLR0915", "highly-coupled-module"), Set.of(),
            "code that grew in one place: many decisions, lines or collaborators in one method or class",
            0,
            manual("Extract methods for the separable steps", "Move each step into a well-named private method.", FixReach.METHOD,
                    List.of("behaviour kept", "each step testable on its own"), List.of("more methods to navigate")),
            manual("Replace conditionals with a table or polymorphism", "Turn branching on a kind into a map lookup or subtypes.",
                    FixReach.CLASS, List.of("removes the branching at its root"), List.of("bigger change", "needs tests first")),
            manual("Split the class by responsibility", "Move cohesive groups of fields and methods into their own classes.",
                    FixReach.PROJECT, List.of("smaller units", "clearer dependencies"), List.of("touches every caller"))),

    DUPLICATION("duplicated code", Set.of("duplicate-code"), Set.of(),
            "the same code written twice: a fix in one copy is easily missed in the other",
            0,
            manual("Extract the shared code into one method", "Keep one copy and call it from both places.", FixReach.CLASS,
                    List.of("one place to fix"), List.of("couples the two callers")),
            manual("Leave the copies", "Keep them when they are meant to diverge, and say so.", FixReach.LINES,
                    List.of("no change"), List.of("fixes must be made twice"))),

    SECRETS("hard-coded secrets", Set.of(), Set.of("secrets"),
            "a credential is written into the repository, where everyone with read access (and its history) has it",
            0,
            manual("Move the secret out of the repository and rotate it", "Read it from the environment or a secret store; revoke the exposed one.",
                    FixReach.PROJECT, List.of("removes the exposure", "rotation makes the leaked value useless"),
                    List.of("deployment must provide the value", "history still holds the old one until rewritten")),
            manual("Mark it as a test fixture", "If it is a dummy value, make that obvious (name, comment) so scanners and people know.",
                    FixReach.LINES, List.of("no deployment change"), List.of("only valid when the value is really fake"))),

    SECURITY("security", Set.of(), Set.of("Security", "Autocoder Security", "Bandit"),
            "untrusted input or a dangerous API reaches a sensitive operation",
            0,
            manual("Use the safe API", "Parameterized queries, argument lists for processes, safe parsers.", FixReach.METHOD,
                    List.of("removes the vulnerability class"), List.of("may change how the call is built")),
            manual("Validate the input where it enters", "Check against an allow-list before it is used.", FixReach.METHOD,
                    List.of("small change"), List.of("easy to get the allow-list wrong")),
            manual("Document why it is safe and suppress", "State the reason next to the code.", FixReach.LINES,
                    List.of("no code change"), List.of("relies on the reason staying true"))),

    DEPENDENCIES("dependencies", Set.of(), Set.of("dependencies"),
            "a dependency declaration that is vulnerable, unpinned or in conflict with another",
            0,
            manual("Upgrade or pin to a fixed version", "Change the version in the manifest (or its dependency management).",
                    FixReach.PROJECT, List.of("one-line change in the manifest"), List.of("the new version may break the build or behaviour")),
            manual("Align versions in one place", "Use dependency management or constraints so one version wins everywhere.",
                    FixReach.PROJECT, List.of("no more conflicts"), List.of("touches the build of every module")),
            manual("Replace or remove the dependency", "Use another library or the JDK.", FixReach.PROJECT,
                    List.of("removes the risk for good"), List.of("largest change"))),

    HOTSPOT("hotspots", Set.of("hotspot"), Set.of(),
            "a file that changes often and is complex: where the next change is most likely and most risky",
            0,
            manual("Cover it with tests before changing it", "Write characterization tests for the file's most complex methods.",
                    FixReach.CLASS, List.of("makes every later change safer", "no behaviour change"),
                    List.of("does not reduce the complexity yet")),
            manual("Extract the most complex methods", "Split the methods with the highest complexity into smaller ones.",
                    FixReach.METHOD, List.of("lowers the complexity where changes happen"), List.of("needs tests first")),
            manual("Split the file by responsibility", "Move cohesive parts into their own classes.", FixReach.PROJECT,
                    List.of("smaller files change independently"), List.of("touches every user of the class"))),

    IMPORT_CYCLE("import cycles", Set.of("import-cycle"), Set.of(),
            "Python modules that import each other while they initialize: it works only as long as nobody reorders "
                    + "the imports",
            0,
            manual("Move what both modules need into a module of its own", "Put the names the modules import from "
                            + "each other into a new module that imports neither, and import them from there.",
                    FixReach.PROJECT, List.of("breaks the cycle for good"), List.of("moves code; every importer changes")),
            manual("Import inside the function that needs it", "Move the import that closes the cycle into the "
                            + "function that uses it, so neither module needs the other while it initializes.",
                    FixReach.METHOD, List.of("small change"), List.of("the modules still depend on each other",
                            "the import runs at the first call")),
            manual("Import for type checking only", "When the imported names serve only annotations, import them "
                            + "under `if TYPE_CHECKING:`.", FixReach.LINES,
                    List.of("no import at run time"), List.of("only for names used in annotations"))),

    ARCHITECTURE("architecture", Set.of("package-cycle"), Set.of("architecture"),
            "packages that depend on each other in a circle, or classes coupled to many others",
            0,
            manual("Invert the dependency through an interface", "Let the lower package own an interface the upper one implements.",
                    FixReach.PROJECT, List.of("breaks the cycle"), List.of("adds an abstraction")),
            manual("Move the class to where it belongs", "Move the type into the package that uses it.", FixReach.PROJECT,
                    List.of("simple"), List.of("changes imports in every user")),
            manual("Reduce the coupling", "Depend on fewer, narrower types (interfaces, parameters instead of fields).",
                    FixReach.CLASS, List.of("fewer reasons to change"), List.of("may move code between classes"))),

    TEST_COVERAGE("test coverage", Set.of("untested-class", "low-coverage"), Set.of("test-coverage"),
            "code without tests: a regression there goes unnoticed",
            0,
            manual("Write unit tests from the test plan", "Implement the test-planning worker's specifications for the class or module.",
                    FixReach.CLASS, List.of("direct protection", "specifications already name cases"), List.of("time to write")),
            manual("Write characterization tests first", "Pin down today's behaviour before changing the code.", FixReach.CLASS,
                    List.of("safe starting point"), List.of("also pins down today's bugs"))),

    GENERAL("other rules", Set.of(), Set.of(),
            "the construct the rule describes",
            0,
            manual("Change the code as the rule describes", "Change {member} at {place} so that {rule} no longer applies: {message}", FixReach.LINES,
                    List.of("addresses the finding directly"), List.of("no mechanical fix: written by hand")),
            manual("Suppress with a justification", "Suppress {rule} on {member} ({suppression}) with the reason it may stay.", FixReach.LINES,
                    List.of("no behaviour change"), List.of("the construct stays")),
            manual("Leave it", "Accept {rule} at {place} as it is.", FixReach.LINES, List.of("no cost"), List.of("the finding stays")));

    private final String label;
    private final Set<String> rules;
    private final Set<String> categories;
    private final String cause;
    private final int fallback;
    private final List<ApproachTemplate> approaches;

    RuleFamily(String label, Set<String> rules, Set<String> categories, String cause, int fallback,
               ApproachTemplate... approaches) {
        this.label = label;
        this.rules = rules;
        this.categories = categories;
        this.cause = cause;
        this.fallback = fallback;
        this.approaches = List.of(approaches);
    }

    /** The family of a rule: by rule name first, then by category (secrets, security, dependencies, ...). */
    public static RuleFamily of(String rule, String category) {
        for (RuleFamily family : values()) {
            if (family.rules.contains(rule)) {
                return family;
            }
        }
        for (RuleFamily family : values()) {
            if (category != null && family.categories.contains(category)) {
                return family;
            }
        }
        return GENERAL;
    }

    public String label() {
        return label;
    }

    /** What code with this kind of finding typically shows, as the cause. */
    public String cause() {
        return cause;
    }

    public List<ApproachTemplate> approaches() {
        return approaches;
    }

    /** The approach chosen when there is no verified mechanical patch. */
    public ApproachTemplate fallback() {
        return approaches.get(fallback);
    }
}
