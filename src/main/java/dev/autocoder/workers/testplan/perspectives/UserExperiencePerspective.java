package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.pythonmodel.PythonSurfaces;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.ThrowSite;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.testplan.rules.CamelRoutes;
import dev.autocoder.workers.testplan.rules.Scores;
import dev.autocoder.workers.testplan.rules.TestMapping;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * User Experience: the surfaces users touch and what to test about them.
 * <ul>
 *   <li>HTTP endpoints: Spring {@code @GetMapping}/{@code @PostMapping}/{@code @PutMapping}/{@code @DeleteMapping}/
 *       {@code @PatchMapping}/{@code @RequestMapping} methods, JAX-RS {@code @GET}/{@code @POST}/{@code @PUT}/
 *       {@code @DELETE}, servlet {@code doGet}/{@code doPost}/{@code doPut}/{@code doDelete}, and Apache Camel routes
 *       ({@link CamelRoutes}): {@code platform-http:} (and other HTTP) consumers and REST DSL verbs, in Java route
 *       builders and in YAML route files;</li>
 *   <li>CLI entry points: {@code public static void main(String[])}, picocli {@code @Command} types;</li>
 *   <li>Python ({@link PythonSurfaces}): FastAPI/Starlette/Flask route decorators, Django REST framework
 *       {@code @api_view} and {@code urls.py} patterns as HTTP endpoints; click/typer commands and functions that set
 *       up argparse, typer or fire as CLI entry points; Gradio and Streamlit apps as UI surfaces; {@code print}
 *       calls as console prints;</li>
 *   <li>messages shown to users: exceptions thrown by API methods (finding {@code exception-without-message}, low,
 *       when they carry no message) and text printed to standard output or error.</li>
 * </ul>
 * Specifications: per endpoint (valid request, invalid request with a helpful 4xx), per entry point (no or bad
 * arguments: usage and a non-zero exit code), per messageless exception. Quality score: the share of surfaces
 * whose class has a test class (for a route: a test string literal names its path); null when there are no
 * surfaces.
 */
@Component
class UserExperiencePerspective extends TestPlanningPerspective {

    UserExperiencePerspective(TestPlanServices services) {
        super(services, "user-experience", "User Experience");
    }

    /** What the plan counts as it goes: the surfaces, how many a test reaches, and who owns the untested ones. */
    private static final class Tally {
        int endpoints;
        int entryPoints;
        int printed;
        int uiApps;
        int surfaces;
        int tested;
        /** The modules and classes (qualified names) of the untested surfaces: the recommendation names them. */
        final Set<String> untestedOwners = new HashSet<>();

        void surface(boolean isTested, String owner) {
            surfaces++;
            if (isTested) {
                tested++;
            } else if (owner != null) {
                untestedOwners.add(owner);
            }
        }
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        TestMapping tests = new TestMapping(planning.model());
        Tally tally = new Tally();
        for (MethodRef m : planning.model().mainMethods()) {
            methodSurfaces(result, tally, planning, tests, m);
            tally.printed += consolePrints(m);
            if (m.isApi()) {
                messagelessExceptions(result, m);
            }
        }
        for (var file : planning.model().mainFiles()) {
            for (var type : file.types()) {
                if (type.hasAnnotation("Command")) {
                    tally.entryPoints++;
                }
            }
        }
        for (var file : planning.model().mainFiles()) {
            if (file.path().endsWith(".py") && !file.types().isEmpty()) {
                pythonModuleSurfaces(result, tally, file.path(), file.types().get(0), pythonText(planning, file.path()));
            }
        }
        List<CamelRoutes.Endpoint> yamlRoutes = CamelRoutes.inYaml(planning.snapshot());
        String applicationPackage = applicationPackage(planning);
        for (CamelRoutes.Endpoint route : yamlRoutes) {
            tally.endpoints++;
            String file = route.file().substring(route.file().lastIndexOf('/') + 1).replaceAll("\\.ya?ml$", "");
            routeSpecs(result, route, applicationPackage, Specs.camel(file) + "Routes", route.file(), route.label());
            tally.surface(namedByTest(planning, route), null);
        }
        result.details.put("routes", yamlRoutes.stream().map(r -> r.label() + " (" + r.file() + ":" + r.line() + ")").toList());
        result.metric("camel_route_endpoints", yamlRoutes.size() + (int) planning.model().mainMethods().stream()
                        .mapToLong(m -> CamelRoutes.inJava(m).size()).sum())
                .metric("http_endpoints", tally.endpoints).metric("cli_entry_points", tally.entryPoints).metric("ui_apps", tally.uiApps)
                .metric("console_prints", tally.printed)
                .metric("messageless_exceptions", result.findings.size());
        result.qualityScore = Scores.share(tally.tested, tally.surfaces);
        result.summary = Plural.of(tally.endpoints, "HTTP endpoint") + ", " + Plural.of(tally.entryPoints, "command-line entry point") + ", "
                + (tally.uiApps > 0 ? Plural.of(tally.uiApps, "Gradio/Streamlit app") + ", " : "") + Plural.of(tally.printed, "console print")
                + ", " + Plural.of(result.findings.size(), "user-facing exception") + " without a message.";
        int untested = tally.surfaces - tally.tested;
        if (untested > 0) {
            CodeNouns.Noun owner = CodeNouns.ofTypes(planning, planning.model().mainFiles(),
                    t -> tally.untestedOwners.contains(t.qualifiedName())).type();
            result.recommendations.add("Test the " + Plural.of(untested, "user-facing surface") + " whose "
                    + owner.word(untested) + (untested == 1 ? " has" : " have") + " no tests.");
        }
        if (!result.findings.isEmpty()) {
            result.recommendations.add("Give the " + Plural.of(result.findings.size(), "exception")
                    + " thrown to callers a message that says what to do.");
        }
        return result;
    }

    /** A method that is an HTTP endpoint, a command-line entry point or Camel routes written in Java. */
    private void methodSurfaces(PlanResult result, Tally tally, Planning planning, TestMapping tests, MethodRef m) {
        MethodModel method = m.method();
        boolean python = m.file().path().endsWith(".py");
        List<String> calls = python ? method.invocations().stream().map(c -> c.text()).toList() : List.of();
        boolean endpoint = python ? PythonSurfaces.httpRoute(method.annotations()) : JavaEntryPoints.httpEndpoint(m);
        boolean main = !python && JavaEntryPoints.main(m);
        boolean command = python && PythonSurfaces.cliCommand(method.annotations(), calls);
        if (endpoint) {
            tally.endpoints++;
            result.specifications.add(Specs.of(m, id(), "integration", method.name() + "_answersValidRequest",
                    "the application started with this endpoint", "a valid request reaches " + method.signature(),
                    "the answer has the documented status, content type and body", List.of(), "2xx with the documented body", List.of()));
            result.specifications.add(Specs.of(m, id(), "integration", method.name() + "_rejectsInvalidRequest",
                    "the application started with this endpoint", "a request with a missing or malformed parameter reaches " + method.signature(),
                    "the answer is a 4xx whose message says what was wrong, without internals", List.of(), "4xx with a helpful message", List.of()));
        }
        if (main) {
            tally.entryPoints++;
            result.specifications.add(Specs.of(m, id(), "end-to-end", "main_withoutArguments_printsUsage",
                    "no command-line arguments", "running " + m.type().simpleName() + ".main",
                    "a usage message is printed and the exit code is not 0", List.of(), "usage text, non-zero exit", List.of()));
        }
        if (command) {
            tally.entryPoints++;
            String library = PythonSurfaces.cliLibrary(method.annotations(), calls);
            result.specifications.add(Specs.of(m, id(), "end-to-end", method.name() + "_withBadArguments_printsUsage",
                    "no or unknown command-line arguments", "running the " + library + " command " + method.name()
                            + (library.equals("click") || library.equals("typer") ? " (with its CliRunner)" : " (with sys.argv set)"),
                    "a usage message is printed and it exits with a non-zero code (SystemExit 2)", List.of(),
                    "usage text, non-zero exit", List.of()));
        }
        if (endpoint || main || command) {
            tally.surface(tests.isTested(m.type()), m.type().qualifiedName());
        }
        for (CamelRoutes.Endpoint route : CamelRoutes.inJava(m)) {
            tally.endpoints++;
            routeSpecs(result, route, m.type().packageName(), m.type().simpleName(), m.type().qualifiedName(),
                    method.signature());
            tally.surface(tests.isTested(m.type()) || namedByTest(planning, route), m.type().qualifiedName());
        }
    }

    /** Text the method prints to standard output or error. */
    private static int consolePrints(MethodRef m) {
        boolean python = m.file().path().endsWith(".py");
        return (int) m.method().invocations().stream().filter(c -> c.text().startsWith("System.out.print")
                || c.text().startsWith("System.err.print") || python && c.text().startsWith("print(")).count();
    }

    /** An API method's exceptions thrown without a message: the user sees no reason. */
    private void messagelessExceptions(PlanResult result, MethodRef m) {
        MethodModel method = m.method();
        for (ThrowSite t : method.throwSites()) {
            if (t.type() != null && t.message() == null && t.text().matches("throw new [A-Za-z0-9_.]+\\(\\);?")) {
                Finding f = Finding.of("exception-without-message", "User Experience", Severity.LOW, m.file().path(),
                        t.line(), t.line(), m.type().simpleName() + "." + method.signature() + " throws " + t.type()
                                + " without a message: the user sees no reason", m.key() + " " + t.text());
                result.findings.add(f);
                result.specifications.add(Specs.of(m, id(), "unit", method.name() + "_explains" + FailureModesPerspective.simple(t.type()),
                        "the input that makes " + method.name() + " throw " + t.type(), "calling " + method.signature(),
                        "the exception message says what was wrong and how to fix it", List.of(), t.type() + " with a message", List.of(f.id())));
            }
        }
    }

    /** A Python module's Django URL patterns and its Gradio or Streamlit apps: none is known to be tested. */
    private void pythonModuleSurfaces(PlanResult result, Tally tally, String path, TypeModel module, String text) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        for (PythonSurfaces.UrlPattern url : PythonSurfaces.djangoUrls(fileName, text)) {
            tally.endpoints++;
            String where = "path(\"" + url.path() + "\") (" + path + ":" + url.line() + ")";
            String name = Specs.identifier("url_" + url.path().replaceAll("[<>]", "").replaceAll("[^A-Za-z0-9]+", "_"));
            result.specifications.add(Specs.of(path, module.packageName(), module.simpleName(), module.qualifiedName(),
                    "urlpatterns", id(), "integration", name + "_answersValidRequest", "the Django test client",
                    "a valid request reaches " + where, "the answer has the documented status, content type and body",
                    List.of(), "2xx with the documented body", List.of()));
            result.specifications.add(Specs.of(path, module.packageName(), module.simpleName(), module.qualifiedName(),
                    "urlpatterns", id(), "integration", name + "_rejectsInvalidRequest", "the Django test client",
                    "a request with a missing or malformed parameter reaches " + where,
                    "the answer is a 4xx whose message says what was wrong, without internals", List.of(),
                    "4xx with a helpful message", List.of()));
            tally.surface(false, module.qualifiedName());
        }
        for (PythonSurfaces.App app : PythonSurfaces.apps(text)) {
            tally.uiApps++;
            tally.surface(false, module.qualifiedName());
            boolean gradio = app.kind().equals("gradio");
            String where = gradio ? "the Gradio app of " + path + " (line " + app.line() + ")"
                    : "the Streamlit script " + path + " run with streamlit.testing.v1.AppTest";
            result.specifications.add(Specs.of(path, module.packageName(), module.simpleName(), module.qualifiedName(),
                    app.what(), id(), "end-to-end", app.kind() + "_app_answersAnInput",
                    gradio ? where + " launched, or its functions called" : where,
                    "a user gives a typical input", "the output shows the expected result and no traceback",
                    List.of(), "the expected output", List.of()));
            result.specifications.add(Specs.of(path, module.packageName(), module.simpleName(), module.qualifiedName(),
                    app.what(), id(), "end-to-end", app.kind() + "_app_explainsABadInput", where,
                    "a user gives an empty or malformed input", "the app shows a message that says what to change, not a traceback",
                    List.of(), "a helpful message", List.of()));
        }
    }

    /** The text of a Python file at HEAD; empty when it cannot be read. */
    private static String pythonText(Planning planning, String path) {
        try {
            var file = planning.snapshot().file(path);
            return file.isPresent() ? planning.snapshot().read(file.get()) : "";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    /** A valid and an invalid request per route endpoint. */
    private void routeSpecs(PlanResult result, CamelRoutes.Endpoint route, String packageName, String simpleName,
                            String classUnderTest, String member) {
        String name = Specs.identifier((route.method() == null ? "" : route.method().toLowerCase() + "_")
                + route.path().replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "_"));
        name = name.equals("test_") ? "root" : name;
        String where = route.label() + " (" + route.file() + ":" + route.line() + (route.routeId() == null ? "" : ", route " + route.routeId()) + ")";
        result.specifications.add(Specs.of(route.file(), packageName, simpleName, classUnderTest,
                member, id(), "integration", name + "_answersValidRequest", "the application started with its Camel routes",
                "a valid request reaches " + where, "the answer has the documented status, content type and body",
                List.of(), "2xx with the documented body", List.of()));
        result.specifications.add(Specs.of(route.file(), packageName, simpleName, classUnderTest,
                member, id(), "integration", name + "_rejectsInvalidRequest", "the application started with its Camel routes",
                "a request with a missing or malformed parameter reaches " + where,
                "the answer is a 4xx whose message says what was wrong, without internals", List.of(), "4xx with a helpful message", List.of()));
    }

    /** A test string literal names the route's path (up to its first placeholder). */
    private static boolean namedByTest(Planning planning, CamelRoutes.Endpoint route) {
        String path = route.path();
        int placeholder = path.indexOf('{');
        String prefix = placeholder >= 0 ? path.substring(0, placeholder) : null;
        return planning.model().testFiles().stream().flatMap(f -> f.types().stream()).flatMap(t -> t.methods().stream())
                .flatMap(m -> m.stringLiterals().stream())
                .anyMatch(s -> s.equals(path) || s.endsWith(path) && !path.equals("/") || (prefix != null && prefix.length() > 1 && s.contains(prefix)));
    }

    /** Where tests of YAML routes go: the package of the Spring Boot application class, else of the first main type. */
    private static String applicationPackage(Planning planning) {
        List<TypeModel> types = planning.model().mainFiles().stream().flatMap(f -> f.types().stream()).toList();
        return types.stream().filter(t -> t.hasAnnotation("SpringBootApplication")).map(TypeModel::packageName).findFirst()
                .orElse(types.isEmpty() ? "" : types.get(0).packageName());
    }
}
