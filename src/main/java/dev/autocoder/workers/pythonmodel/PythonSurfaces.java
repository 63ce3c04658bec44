package dev.autocoder.workers.pythonmodel;

import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user-facing surfaces of Python code, for the User Experience perspective: web routes (FastAPI and Starlette
 * {@code @app.get(...)}/{@code @router.post(...)}, Flask {@code @app.route(...)}/{@code @bp.get(...)}, Django REST
 * framework {@code @api_view}, Django {@code path(...)} entries of a {@code urls.py}), command-line interfaces
 * ({@code @click.command}/{@code @cli.group}/typer's {@code @app.command}, a function that builds an
 * {@code argparse.ArgumentParser}, {@code typer.run}, {@code fire.Fire}) and UI apps (Gradio's
 * {@code gr.Interface}/{@code gr.Blocks}/{@code gr.ChatInterface}, Streamlit scripts). Decorators and calls are the
 * Python model's dotted texts; apps are found in the module's text, since Gradio and Streamlit apps are usually
 * module-level code the model does not hold as a function.
 */
public final class PythonSurfaces {

    private static final Set<String> ROUTE_VERBS = Set.of("get", "post", "put", "delete", "patch", "route",
            "api_route", "websocket", "head", "options");
    private static final Set<String> CLI_DECORATORS = Set.of("command", "group");
    private static final Pattern GRADIO = Pattern.compile("\\b(?:gr|gradio)\\.(Interface|Blocks|ChatInterface|TabbedInterface)\\(");
    private static final Pattern STREAMLIT = Pattern.compile("(?m)^\\s*(?:import streamlit\\b|from streamlit\\b)");
    private static final Pattern DJANGO_PATH = Pattern.compile("\\b(?:re_)?path\\(\\s*r?[\"']([^\"']*)[\"']");

    private PythonSurfaces() {
    }

    /** A web route: a decorator such as {@code app.get}, {@code router.post}, {@code bp.route}, or {@code api_view}. */
    public static boolean httpRoute(List<String> decorators) {
        return decorators.stream().anyMatch(d -> {
            int dot = d.lastIndexOf('.');
            String last = d.substring(dot + 1);
            return dot > 0 && ROUTE_VERBS.contains(last) || last.equals("api_view");
        });
    }

    /** A web route or a command-line command: its parameters come from outside the program. */
    public static boolean entryPoint(MethodModel function) {
        List<String> calls = function.invocations().stream().map(Invocation::text).toList();
        return httpRoute(function.annotations()) || cliCommand(function.annotations(), calls);
    }

    /** A command-line entry point: a click/typer command decorator, or a function that sets up argparse, typer or fire. */
    public static boolean cliCommand(List<String> decorators, List<String> calls) {
        boolean decorated = decorators.stream().anyMatch(d -> {
            int dot = d.lastIndexOf('.');
            return dot > 0 && CLI_DECORATORS.contains(d.substring(dot + 1));
        });
        return decorated || calls.stream().anyMatch(c -> c.startsWith("argparse.ArgumentParser(")
                || c.startsWith("ArgumentParser(") || c.startsWith("typer.run(") || c.startsWith("fire.Fire("));
    }

    /** Which command-line library a command uses, for the test's wording. */
    public static String cliLibrary(List<String> decorators, List<String> calls) {
        if (decorators.stream().anyMatch(d -> d.startsWith("click."))) {
            return "click";
        }
        if (calls.stream().anyMatch(c -> c.startsWith("typer."))) {
            return "typer";
        }
        if (calls.stream().anyMatch(c -> c.contains("ArgumentParser("))) {
            return "argparse";
        }
        if (calls.stream().anyMatch(c -> c.startsWith("fire."))) {
            return "fire";
        }
        return "click or typer";
    }

    /** A UI app in a module: its kind (gradio or streamlit), the line, and what it builds. */
    public record App(String kind, int line, String what) {
    }

    public static List<App> apps(String text) {
        List<App> apps = new ArrayList<>();
        Matcher gradio = GRADIO.matcher(text);
        if (gradio.find()) {
            apps.add(new App("gradio", lineOf(text, gradio.start()), "gr." + gradio.group(1)));
        }
        Matcher streamlit = STREAMLIT.matcher(text);
        if (streamlit.find()) {
            apps.add(new App("streamlit", lineOf(text, streamlit.start()), "a Streamlit script"));
        }
        return apps;
    }

    /** A Django URL pattern of a {@code urls.py}: its path and line. */
    public record UrlPattern(String path, int line) {
    }

    public static List<UrlPattern> djangoUrls(String fileName, String text) {
        List<UrlPattern> patterns = new ArrayList<>();
        if (!fileName.equals("urls.py")) {
            return patterns;
        }
        Matcher m = DJANGO_PATH.matcher(text);
        while (m.find()) {
            patterns.add(new UrlPattern(m.group(1), lineOf(text, m.start())));
        }
        return patterns;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
