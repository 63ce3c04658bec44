package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.testplan.plan.IntegrationPoint;
import dev.autocoder.workers.testplan.plan.PlanIds;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.testplan.rules.IntegrationCatalog;
import dev.autocoder.workers.testplan.rules.IntegrationKind;
import dev.autocoder.workers.testplan.spec.PytestNames;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Mocking Strategy: which collaborators to replace in tests (the integration points) and which to keep real.
 * <p>
 * Per class with integration points, per kind, the test double to use: a loopback fake server (HTTP, sockets),
 * the real database or broker in a container or embedded, a mock behind an interface (processes), a real
 * temporary folder (file system), an injected fixed clock, an injected seeded random source, a same-thread
 * executor, explicit configuration (environment). Classes without integration points are kept real. A call made
 * on something the method creates or reaches statically ({@code HttpClient.newHttpClient()},
 * {@code Instant.now()}, {@code new Random()}, {@code System.getenv}) cannot be replaced without changing the code:
 * {@code hard-wired-collaborator} (medium; info in Python, whose tests patch module attributes with
 * {@code monkeypatch} or {@code mock.patch}), unless a test reaches it without replacing anything
 * ({@link ReachableInATest}). The mocking and fake libraries the tests already import are listed.
 * <p>
 * Specifications: one test per class and kind with its fixture. Quality score: the share of integration points
 * that are not hard-wired (replaceable or pointed elsewhere in a test); null when there are none.
 */
@Component
class MockingStrategyPerspective extends TestPlanningPerspective {

    private static final Map<String, String> LIBRARIES = Map.of("org.mockito", "Mockito", "io.mockk", "MockK",
            "org.easymock", "EasyMock", "com.github.tomakehurst.wiremock", "WireMock", "org.testcontainers", "Testcontainers",
            "okhttp3.mockwebserver", "MockWebServer", "com.sun.net.httpserver", "JDK HttpServer");
    /** Python test doubles by the module a test imports. */
    private static final Map<String, String> PYTHON_LIBRARIES = Map.ofEntries(Map.entry("unittest.mock", "unittest.mock"),
            Map.entry("mock.", "mock"), Map.entry("pytest_mock", "pytest-mock"), Map.entry("responses", "responses"),
            Map.entry("requests_mock", "requests-mock"), Map.entry("respx", "respx"), Map.entry("pytest_httpserver", "pytest-httpserver"),
            Map.entry("freezegun", "freezegun"), Map.entry("time_machine", "time-machine"), Map.entry("testcontainers", "testcontainers-python"),
            Map.entry("pytest_subprocess", "pytest-subprocess"), Map.entry("moto", "moto"), Map.entry("fakeredis", "fakeredis"));

    MockingStrategyPerspective(TestPlanServices services) {
        super(services, "mocking-strategy", "Mocking Strategy");
    }

    /** The test double in the tools of the file's language ({@code .py}: pytest's). */
    static String doubleFor(IntegrationKind kind, String file) {
        return file != null && file.endsWith(".py") ? pythonDoubleFor(kind) : doubleFor(kind);
    }

    static String pythonDoubleFor(IntegrationKind kind) {
        return switch (kind) {
            case HTTP -> "fake: responses/requests-mock (requests) or respx (httpx), or pytest-httpserver on loopback";
            case NETWORK -> "fake: a loopback socket server in a pytest fixture";
            case DATABASE -> "real: sqlite3 \":memory:\" or testcontainers-python, with the production schema";
            case MESSAGING -> "real: a broker in a container (testcontainers-python)";
            case PROCESS -> "mock: monkeypatch or unittest.mock.patch subprocess (or pytest-subprocess)";
            case FILE_SYSTEM -> "real: pytest's tmp_path";
            case CLOCK -> "stub: freeze time with freezegun or time-machine";
            case RANDOMNESS -> "stub: a seeded random.Random passed in (or monkeypatch the module's random)";
            case CONCURRENCY -> "stub: run it synchronously (an injected executor; pytest-asyncio for coroutines)";
            case ENVIRONMENT -> "stub: monkeypatch.setenv / delenv";
        };
    }

    static String doubleFor(IntegrationKind kind) {
        return switch (kind) {
            case HTTP -> "fake: a loopback HTTP server that enforces the real request format";
            case NETWORK -> "fake: a loopback socket server";
            case DATABASE -> "real: the database in a container or embedded, with the production schema";
            case MESSAGING -> "real: an embedded or containerized broker";
            case PROCESS -> "mock: put the command behind an interface and mock it";
            case FILE_SYSTEM -> "real: a temporary folder (@TempDir)";
            case CLOCK -> "stub: inject java.time.Clock, use Clock.fixed";
            case RANDOMNESS -> "stub: inject a seeded random source";
            case CONCURRENCY -> "stub: inject the executor, use a same-thread executor";
            case ENVIRONMENT -> "stub: pass the value in as configuration";
        };
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        Map<String, Map<IntegrationKind, List<IntegrationPoint>>> byClass = new TreeMap<>();
        Map<String, MethodRef> firstMethod = new LinkedHashMap<>();
        Map<IntegrationKind, Integer> hardWired = new EnumMap<>(IntegrationKind.class);
        int replaceable = 0;
        int total = 0;
        for (MethodRef m : planning.model().mainMethods()) {
            for (Invocation call : m.method().invocations()) {
                IntegrationKind kind = IntegrationCatalog.classify(call).orElse(null);
                if (kind == null) {
                    continue;
                }
                total++;
                if (!call.creation() && isInjected(call, m) || ReachableInATest.withoutReplacing(kind, call, m)) {
                    replaceable++;
                } else {
                    hardWired.merge(kind, 1, Integer::sum);
                    result.findings.add(hardWiredCollaborator(m, call, kind));
                }
                IntegrationPoint point = new IntegrationPoint(PlanIds.of("integration-point",
                        m.file().path(), m.key(), kind.label(), call.text()), kind.label(), m.file().path(), call.line(),
                        m.type().qualifiedName(), m.method().signature(), CallNames.of(m, call), kind.risk(), doubleFor(kind, m.file().path()), planning.inScope(m));
                byClass.computeIfAbsent(m.type().qualifiedName(), k -> new TreeMap<>()).computeIfAbsent(kind, k -> new ArrayList<>()).add(point);
                firstMethod.putIfAbsent(m.type().qualifiedName() + "#" + kind, m);
            }
        }
        List<Map<String, Object>> plan = new ArrayList<>();
        byClass.forEach((type, kinds) -> kinds.forEach((kind, points) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", type);
            row.put("kind", kind.label());
            row.put("calls", points.stream().map(IntegrationPoint::call).distinct().toList());
            MethodRef m = firstMethod.get(type + "#" + kind);
            String testDouble = doubleFor(kind, m == null ? null : m.file().path());
            row.put("test_double", testDouble);
            plan.add(row);
            if (m != null && !m.method().visibility().equals("private")) {
                result.specifications.add(doubleSpecification(m, kind, testDouble, points));
            }
        }));
        // what a test calls, as the coverage strategy counts: types with methods, not a record or constants alone
        Set<String> keptReal = new LinkedHashSet<>();
        for (FileModel file : planning.model().mainFiles()) {
            file.types().stream().filter(t -> !t.methods().isEmpty() && !byClass.containsKey(t.qualifiedName()))
                    .forEach(t -> keptReal.add(t.qualifiedName()));
        }
        Set<String> libraries = testLibraries(planning);
        result.details.put("doubles", plan);
        result.details.put("keep_real", keptReal.size() > 100 ? new ArrayList<>(keptReal).subList(0, 100) : keptReal);
        result.details.put("libraries_in_tests", libraries);
        result.metric("classes_with_collaborators", byClass.size()).metric("classes_kept_real", keptReal.size())
                .metric("hard_wired_calls", total - replaceable).metric("replaceable_calls", replaceable);
        result.qualityScore = total == 0 ? null : Math.round(replaceable * 10_000.0 / total) / 10_000.0;
        List<FileModel> main = planning.model().mainFiles();
        CodeNouns.Noun talking = CodeNouns.ofTypes(planning, main, t -> byClass.containsKey(t.qualifiedName())).type();
        CodeNouns.Noun real = CodeNouns.ofTypes(planning, main, t -> keptReal.contains(t.qualifiedName())).type();
        result.summary = talking.of(byClass.size()) + (byClass.size() == 1 ? " talks" : " talk") + " to "
                + Plural.of(total, "external collaborator") + " (" + (total - replaceable) + " hard-wired); "
                + real.of(keptReal.size()) + " can be tested with real objects; test libraries in use: "
                + (libraries.isEmpty() ? "none" : String.join(", ", libraries)) + ".";
        if (total > replaceable) {
            result.recommendations.add(injectionAdvice(main, total - replaceable, hardWired));
        }
        return result;
    }

    private static Finding hardWiredCollaborator(MethodRef m, Invocation call, IntegrationKind kind) {
        // Python's module attributes are patched in a test (monkeypatch, mock.patch): a note, not a defect
        boolean python = m.file().path().endsWith(".py");
        String message = m.type().simpleName() + "." + m.method().signature() + " calls " + CallNames.of(m, call)
                + " (" + kind.label() + ") on " + (kind == IntegrationKind.FILE_SYSTEM
                        ? "a location fixed in the code: " + (python ? "a test patches it; " : "a test cannot "
                                + "point it at its own folder; pass the path in; ")
                        : "something it creates or reaches statically: " + (python ? "a test patches it; "
                                : "a test cannot replace it; ")) + doubleFor(kind, m.file().path());
        return Finding.of("hard-wired-collaborator", "Mocking Strategy", python ? Severity.INFO : Severity.MEDIUM,
                m.file().path(), call.line(), call.line(), message, m.key() + " " + call.text());
    }

    /** A test of the class against a double of one kind of collaborator. */
    private TestSpecification doubleSpecification(MethodRef m, IntegrationKind kind, String testDouble,
                                                  List<IntegrationPoint> points) {
        return Specs.of(m, id(), "integration", m.type().simpleName().substring(0, 1).toLowerCase()
                        + m.type().simpleName().substring(1) + "_with" + FailureModesPerspective.cap(kind.label().replace("-", "")) + "Double",
                "a fixture for the " + kind.label() + " collaborator (" + testDouble + ")",
                "exercising " + m.type().simpleName() + " through " + m.method().signature(),
                "it behaves correctly against the double, and the double saw the expected requests",
                List.of(), "the collaborator is replaced and the class under test stays real",
                points.stream().map(IntegrationPoint::id).toList());
    }

    /** The mocking and stubbing libraries the tests import. */
    private static Set<String> testLibraries(Planning planning) {
        Set<String> libraries = new LinkedHashSet<>();
        for (FileModel test : planning.model().testFiles()) {
            (test.path().endsWith(".py") ? PYTHON_LIBRARIES : LIBRARIES).forEach((prefix, name) -> {
                if (test.imports(prefix)) {
                    libraries.add(name);
                }
            });
        }
        return libraries;
    }

    /** How to make the hard-wired collaborators replaceable, in the words of the project's languages. */
    private static String injectionAdvice(List<FileModel> main, int count, Map<IntegrationKind, Integer> hardWired) {
        String collaborators = Plural.of(count, "hard-wired collaborator");
        String kinds = hardWired.entrySet().stream().sorted(Map.Entry.<IntegrationKind, Integer>comparingByValue().reversed())
                .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", "));
        boolean python = main.stream().anyMatch(f -> PytestNames.isPython(f.path()));
        boolean java = main.stream().anyMatch(f -> !PytestNames.isPython(f.path()));
        return (!python ? "Inject the " + collaborators + " through the constructor"
                : java ? "Inject the " + collaborators + " through the constructor (in Python: a parameter with a "
                        + "default, or replace them in tests with monkeypatch)"
                : "Pass the " + collaborators + " in as parameters with defaults, or replace them in tests with monkeypatch")
                + ": " + kinds + ".";
    }

    /** The call's receiver is a field or a parameter (so a test can pass another one), not something created or static. */
    private static boolean isInjected(Invocation call, MethodRef m) {
        String receiver = call.text().contains(".") ? call.text().substring(0, call.text().indexOf('.')).replace("this", "").strip() : "";
        if (receiver.isEmpty() && call.text().startsWith("this.")) {
            String rest = call.text().substring(5);
            receiver = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        }
        return m.type().fields().containsKey(receiver) || m.method().paramType(receiver) != null;
    }
}
