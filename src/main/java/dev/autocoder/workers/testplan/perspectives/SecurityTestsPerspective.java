package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.python.DigestPurpose;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.Param;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.pythonmodel.PythonSurfaces;
import dev.autocoder.workers.testplan.rules.Scores;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Security Analysis: tests for the analysis worker's security findings (its latest ok {@code security} row) and
 * for untrusted input reaching sensitive calls.
 * <p>
 * Untrusted input: a parameter of an API method that reaches (directly, or through locals assigned from it) the
 * arguments of a sensitive call: {@code Runtime.exec}, {@code new ProcessBuilder} (command injection),
 * {@code Statement.execute*}/{@code addBatch}, {@code Connection.prepareStatement}/{@code createQuery} (SQL
 * injection when the text is built from input), {@code new File}, {@code Paths.get}, {@code Path.of},
 * {@code Path.resolve}, {@code Files.*} (path traversal: only when the input is joined to a base folder, or the
 * method is an HTTP endpoint or {@code main}), {@code new URL} (server-side request forgery), {@code Class.forName}
 * (unsafe reflection), {@code new ObjectInputStream} (unsafe deserialization). Each is a finding
 * {@code untrusted-input-to-<sink>} (high) with a parameterized test of hostile inputs. A path is medium when the
 * input is a library method's name joined to a base folder: the calling code chooses it (Flask's
 * {@code open_resource}); high when it comes from a request or the command line. A Java command is medium in a
 * library method likewise: a Java process starts without a shell. So is a Python shell command or code executed
 * ({@code exec}, not {@code eval}) that is the function's parameter as it came (prompt_toolkit's
 * {@code run_system_command(self, command)}, hypothesis' {@code source_exec_as_module(source)}, Django's
 * {@code exec(options['command'], ..)}): the function runs what its callers give, and a hostile-input test would
 * expect it to refuse its own purpose, so none is planned.
 * <p>
 * Python functions are checked by {@link PythonSecurityRules} instead (docs/perspectives.md, "Test planning for
 * Python").
 * <p>
 * Quality score: {@code 1 / (1 + d / 5)} with d = severity-weighted findings per 1000 main lines (this
 * perspective's findings only; the analysis findings are scored by the analysis worker).
 */
@Component
class SecurityTestsPerspective extends TestPlanningPerspective {

    /** @param firstArgumentOnly only the first argument is dangerous: the name {@code Class.forName} loads */
    private record Sink(String name, List<String> hostile, boolean firstArgumentOnly) {

        Sink(String name, List<String> hostile) {
            this(name, hostile, false);
        }

        List<String> paramsReached(Invocation call) {
            return firstArgumentOnly ? call.paramsReachedByFirstArgument() : call.paramsReached();
        }
    }

    private static final Map<String, Sink> SINKS = Map.ofEntries(
            Map.entry("java.lang.Runtime.exec", new Sink("command", List.of("\"; rm -rf /\"", "\"$(id)\"", "\"a && reboot\""))),
            Map.entry("java.lang.ProcessBuilder.<init>", new Sink("command", List.of("\"; rm -rf /\"", "\"$(id)\"", "\"a && reboot\""))),
            Map.entry("java.sql.Statement.execute", new Sink("sql", List.of("\"' OR '1'='1\"", "\"'; DROP TABLE users; --\""))),
            Map.entry("java.sql.Statement.executeQuery", new Sink("sql", List.of("\"' OR '1'='1\"", "\"'; DROP TABLE users; --\""))),
            Map.entry("java.sql.Statement.executeUpdate", new Sink("sql", List.of("\"' OR '1'='1\"", "\"'; DROP TABLE users; --\""))),
            Map.entry("java.sql.Statement.addBatch", new Sink("sql", List.of("\"' OR '1'='1\"", "\"'; DROP TABLE users; --\""))),
            Map.entry("java.sql.Connection.prepareStatement", new Sink("sql", List.of("\"' OR '1'='1\"", "\"'; DROP TABLE users; --\""))),
            Map.entry("jakarta.persistence.EntityManager.createQuery", new Sink("sql", List.of("\"' OR '1'='1\""))),
            Map.entry("java.io.File.<init>", new Sink("path", List.of("\"../../etc/passwd\"", "\"/etc/shadow\"", "\"..\\\\..\\\\windows\""))),
            Map.entry("java.nio.file.Paths.get", new Sink("path", List.of("\"../../etc/passwd\"", "\"/etc/shadow\""))),
            Map.entry("java.nio.file.Path.of", new Sink("path", List.of("\"../../etc/passwd\"", "\"/etc/shadow\""))),
            Map.entry("java.nio.file.Path.resolve", new Sink("path", List.of("\"../../etc/passwd\"", "\"/etc/shadow\""))),
            Map.entry("java.net.URL.<init>", new Sink("url", List.of("\"http://169.254.169.254/latest/meta-data/\"", "\"file:///etc/passwd\""))),
            Map.entry("java.lang.Class.forName", new Sink("reflection", List.of("\"java.lang.Runtime\""), true)),
            Map.entry("java.io.ObjectInputStream.<init>", new Sink("deserialization", List.of("null"))));

    SecurityTestsPerspective(TestPlanServices services) {
        super(services, "security", "Security Analysis");
    }

    /**
     * The parameter a test feeds hostile values to, of those reaching the sink: a text one ({@code name} of
     * {@code new File(dir, name)}: the hostile values are strings), else the first declared.
     */
    private static String hostileInput(MethodRef m, List<String> reached) {
        List<String> declared = m.method().params().stream().map(Param::name).filter(reached::contains).toList();
        return declared.stream().filter(p -> isText(m.method().paramType(p))).findFirst()
                .orElse(declared.isEmpty() ? reached.get(0) : declared.get(0));
    }

    private static boolean isText(String type) {
        return type != null && type.matches("(java\\.lang\\.)?(String|CharSequence)");
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        int tainted = 0;
        int hazards = 0;
        for (MethodRef m : planning.model().mainMethods()) {
            if (m.file().path().endsWith(".py")) {
                int[] counts = planPython(m, result);
                tainted += counts[0];
                hazards += counts[1];
                continue;
            }
            if (!m.isApi()) {
                continue;
            }
            boolean outsideInput = JavaEntryPoints.httpEndpoint(m) || JavaEntryPoints.main(m);
            Set<String> reported = new HashSet<>(); // Files.readAllBytes(Path.of(file)) is one flow, not two
            for (Invocation call : m.method().invocations()) {
                Sink sink = sink(call);
                if (sink == null || sink.paramsReached(call).isEmpty()
                        || sink.name().equals("path") && !joinsABase(call) && !outsideInput
                        || !reported.add(sink.name() + ":" + call.line())) {
                    continue;
                }
                tainted++;
                String param = hostileInput(m, sink.paramsReached(call));
                String callersChoice = outsideInput ? null : CALLERS_CHOICE.get(sink.name());
                Finding f = Finding.of("untrusted-input-to-" + sink.name(), "Security",
                        callersChoice != null ? Severity.MEDIUM : Severity.HIGH, m.file().path(), call.line(), call.line(),
                        m.type().simpleName() + "." + m.method().signature() + ": parameter '" + param + "' reaches "
                                + CallNames.of(m, call) + " unchecked" + (callersChoice != null ? callersChoice : ""),
                        m.key() + " " + call.text());
                result.findings.add(f);
                boolean text = isText(m.method().paramType(param));
                result.specifications.add(Specs.of(m, id(), text ? "parameterized" : "unit",
                        m.method().name() + "_" + param + "_rejectsHostile" + FailureModesPerspective.cap(sink.name()) + "Input",
                        "hostile values for parameter " + param, "calling " + m.method().name() + " with each boundary value of parameter " + param,
                        "the input is rejected or neutralized before " + CallNames.of(m, call) + " runs",
                        text ? sink.hostile() : List.of(), "rejected (exception) or safely escaped; no " + sink.name() + " side effect",
                        List.of(f.id())));
            }
        }
        Optional<Row> analysis = services.analysisRows().latestOk("security", context.targetId());
        int answered = 0;
        if (analysis.isEmpty()) {
            result.notes.add("No ok security row in the analysis dataset " + services.analysisRows().dataset()
                    + " yet: only the untrusted-input check ran.");
        } else {
            for (Finding finding : analysis.get().findings()) {
                Optional<MethodRef> at = methodAt(planning, finding.file(), finding.line());
                if (at.isEmpty()) {
                    continue;
                }
                MethodRef m = at.get();
                answered++;
                result.specifications.add(Specs.of(m, id(), "unit", m.method().name() + "_" + finding.rule() + "_isFixed",
                        "the condition the analysis reported: " + finding.message(), "calling " + m.method().signature(),
                        "the unsafe behaviour (" + finding.rule() + ") cannot be triggered", List.of(),
                        "safe behaviour", List.of(finding.id())));
            }
            result.metric("analysis_security_findings", analysis.get().issuesFound());
        }
        result.metric("untrusted_input_flows", tainted).metric("analysis_findings_with_tests", answered);
        if (planning.model().mainFiles().stream().anyMatch(f -> f.path().endsWith(".py"))) {
            result.metric("python_unsafe_calls", hazards);
        }
        result.qualityScore = Scores.density(result.findings, planning.mainLines());
        result.summary = Plural.of(tainted, "flow") + " of untrusted input into sensitive calls; "
                + (hazards > 0 ? Plural.of(hazards, "unsafe Python call") + "; " : "")
                + Plural.of(answered, "analysis security finding") + " "
                + "turned into tests" + (analysis.isEmpty() ? " (no analysis rows yet)." : " (iteration " + analysis.get().iteration() + " of the analysis worker).");
        if (tainted > 0) {
            result.recommendations.add("Validate or escape the " + Plural.of(tainted, "parameter")
                    + (tainted == 1 ? " that reaches" : " that reach") + " sensitive calls, and add the hostile-input tests.");
        }
        if (hazards > 0) {
            result.recommendations.add("Make the " + Plural.of(hazards, "unsafe Python call")
                    + " safe (safe loaders, verified TLS, timeouts, "
                    + "mkstemp, strong hashes) and pin each with a test.");
        }
        return result;
    }

    /**
     * The Python counterparts ({@link PythonSecurityRules}): input of a public function reaching a sensitive call
     * (a parameterized test of hostile inputs), and calls unsafe whatever their input (a test that pins the safe
     * behaviour). Returns {flows, hazards}.
     */
    private int[] planPython(MethodRef m, PlanResult result) {
        int flows = 0;
        int hazards = 0;
        for (Invocation call : m.method().invocations()) {
            for (PythonSecurityRules.Match match : PythonSecurityRules.check(call)) {
                if (match.flow() && !m.isApi() || runsCodeByDesign(m, call, match)) {
                    continue;
                }
                if (match.flow()) {
                    flows++;
                    pythonFlow(m, call, match, result);
                } else {
                    hazards++;
                    pythonHazard(m, call, match, result);
                }
            }
        }
        return new int[]{flows, hazards};
    }

    /** eval/exec of code the function compiles itself, or of a code object, runs code by design. */
    private static boolean runsCodeByDesign(MethodRef m, Invocation call, PythonSecurityRules.Match match) {
        if (!match.sink().equals("code")) {
            return false;
        }
        String paramType = match.flow() ? m.method().paramType(PythonSecurityRules.inputs(call).get(0)) : null;
        return paramType != null && paramType.contains("CodeType")
                || m.method().invocations().stream().anyMatch(c -> "builtins".equals(c.type()) && c.method().equals("compile"));
    }

    /** A call that runs only when the caller passes a flag defaulting to False (pydantic's allow_pickle), said so. */
    private static String optedIn(Invocation call) {
        String optIn = call.fact("opted_in");
        return optIn == null ? "" : " (only when the caller passes " + optIn + "=True; it defaults to False)";
    }

    /** A public function's input reaching a sensitive call: a parameterized test of hostile inputs. */
    private void pythonFlow(MethodRef m, Invocation call, PythonSecurityRules.Match found, PlanResult result) {
        String param = PythonSecurityRules.input(call, found);
        PythonSecurityRules.Match match = PythonSecurityRules.ofParameterType(found, call, m.method().paramType(param));
        boolean outside = PythonSurfaces.entryPoint(m.method());
        boolean callersPath = match.sink().equals("path") && !outside;
        // the function runs the command or code its callers give: no hostile value is for it to reject
        boolean callersInput = PythonSecurityRules.runsCallersInput(call, match) && !outside;
        Severity rated = callersPath || callersInput ? Severity.MEDIUM : match.severity();
        String why = callersPath ? CALLERS_CHOICE.get("path") : callersInput ? CALLERS_INPUT.get(match.sink()) : "";
        Finding f = Finding.of(match.rule(), "Security", call.fact("opted_in") == null ? rated : rated.oneStepLower(),
                m.file().path(), call.line(), call.line(), m.type().simpleName() + "." + m.method().signature()
                        + ": parameter '" + param + "' " + match.message() + ": " + call.text() + why + optedIn(call),
                m.key() + " " + call.text());
        result.findings.add(f);
        if (callersInput) {
            return;
        }
        result.specifications.add(Specs.of(m, id(), "parameterized",
                m.method().name() + "_" + param.replace("*", "") + "_rejectsHostile" + FailureModesPerspective.cap(match.sink()) + "Input",
                "hostile values for parameter " + param, "calling " + m.method().name() + " with each hostile value of " + param,
                "the input is rejected (an exception) or neutralized before `" + call.text() + "` runs",
                match.hostile(), "rejected or safely escaped; no " + match.sink() + " side effect", List.of(f.id())));
    }

    /** A call unsafe whatever its input: a test that pins the safe behaviour. */
    private void pythonHazard(MethodRef m, Invocation call, PythonSecurityRules.Match match, PlanResult result) {
        boolean weakHash = match.rule().equals("weak-hash");
        // a digest the model knows protects nothing is low, as the security row rates ruff's S324 there
        Optional<DigestPurpose> purpose = weakHash ? DigestPurpose.of(call.fact("digest")) : Optional.empty();
        Severity severity = purpose.isPresent() ? Severity.LOW : weakHash
                ? PythonSecurityRules.weakHashSeverity(m.type().simpleName() + "." + m.method().name(), call.text())
                : match.severity();
        Finding f = Finding.of(match.rule(), "Security", call.fact("opted_in") == null ? severity : severity.oneStepLower(),
                m.file().path(), call.line(), call.line(), m.type().simpleName() + "." + m.method().signature() + ": "
                        + match.message() + ": " + call.text() + purpose.map(p -> " (" + p.reason() + ")").orElse("")
                        + optedIn(call), m.key() + " " + call.text());
        result.findings.add(f);
        if (!m.method().visibility().equals("private")) {
            result.specifications.add(Specs.of(m, id(), "unit", m.method().name() + "_" + match.rule().replace('-', '_') + "_isFixed",
                    "the unsafe call `" + call.text() + "`", "calling " + m.method().signature(),
                    "the call is made safely: " + match.message(), List.of(), "safe behaviour", List.of(f.id())));
        }
    }

    /**
     * What a library method's parameter decides when the calling code chooses it: a name joined to a base folder,
     * or an argument of a Java process, which starts without a shell (no injection of commands, at most of
     * options). Worth a test that pins what hostile input does, but high only when the input comes from outside (a
     * request or the command line). Python's command sinks are shells ({@code shell=True}, {@code os.system}): high.
     */
    private static final Map<String, String> CALLERS_CHOICE = Map.of(
            "path", " (the caller chooses the name; high when it comes from a request or the command line)",
            "command", " (no shell: the caller chooses the arguments; high when they come from a request or the "
                    + "command line)");

    /** What a function runs when a parameter is the command or the code itself, as it came. */
    private static final Map<String, String> CALLERS_INPUT = Map.of(
            "command", " (the function runs the command its callers give, as it came: nothing is built into it here, "
                    + "so an injection would be where a caller builds one from outside text; high when it comes from a "
                    + "request or the command line)",
            "code", " (the function runs the code its callers give, as it came: nothing is built into it here, so "
                    + "whether outside text reaches it is theirs to check; high when it comes from a request or the "
                    + "command line)");

    /**
     * Path traversal needs a base folder the input is joined to ({@code new File(dir, name)}, {@code Paths.get(root,
     * name)}, {@code root.resolve(name)}), as for Python. A path that is the parameter itself ({@code Files.isDirectory(path)},
     * {@code new File(name).getName()}), or input that only makes the folder ({@code new File(dir, entry)} over the
     * names {@code dir.list()} gives), is the caller's to check, unless the caller is outside: an HTTP request or
     * the command line.
     */
    private static boolean joinsABase(Invocation call) {
        String sink = call.type() + "." + call.method();
        return sink.equals("java.nio.file.Path.resolve") || call.arguments() >= 2 && JOINING.contains(sink)
                && !call.hasFact(Invocation.FIRST_ARGUMENT_ONLY);
    }

    private static final Set<String> JOINING = Set.of("java.io.File.<init>", "java.nio.file.Paths.get", "java.nio.file.Path.of");

    private static Sink sink(Invocation call) {
        if (call.type() == null) {
            return null;
        }
        Sink sink = SINKS.get(call.type() + "." + call.method());
        if (sink == null && call.type().equals("java.nio.file.Files")) {
            return new Sink("path", List.of("\"../../etc/passwd\"", "\"/etc/shadow\""));
        }
        return sink;
    }

    /** The method whose lines contain the finding's line. */
    static Optional<MethodRef> methodAt(Planning planning, String file, Integer line) {
        if (file == null || line == null) {
            return Optional.empty();
        }
        Optional<FileModel> model = planning.model().file(file);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        List<MethodRef> matches = new ArrayList<>();
        for (TypeModel type : model.get().types()) {
            type.methods().stream().filter(m -> m.beginLine() <= line && line <= m.endLine())
                    .forEach(m -> matches.add(new MethodRef(model.get(), type, m)));
        }
        return matches.stream().min((a, b) -> Integer.compare(a.method().endLine() - a.method().beginLine(),
                b.method().endLine() - b.method().beginLine()));
    }
}
