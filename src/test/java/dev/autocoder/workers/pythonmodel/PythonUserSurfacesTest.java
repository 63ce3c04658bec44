package dev.autocoder.workers.pythonmodel;

import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.testplan.TestPlanHarness;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User Experience on a real Python repository: FastAPI, Flask and Django REST framework routes, Django URL patterns,
 * click, typer and argparse commands, a Gradio and a Streamlit app each become surfaces with their specifications;
 * plain functions and a non-route decorator do not.
 */
class PythonUserSurfacesTest {

    @TempDir
    Path temp;

    @Test
    void webRoutesCommandLinesAndUiAppsOfPythonAreUserFacingSurfaces() throws Exception {
        Path repo = temp.resolve("repo");
        write(repo, "shop/__init__.py", "");
        write(repo, "shop/api.py", """
                from fastapi import FastAPI

                app = FastAPI()


                @app.get("/orders/{order_id}")
                def read_order(order_id: int):
                    return {"id": order_id}


                @app.post("/orders")
                def create_order(item: str):
                    return {"item": item}
                """);
        write(repo, "shop/web.py", """
                import functools
                from flask import Blueprint

                bp = Blueprint("web", __name__)


                @bp.route("/health")
                def health():
                    return "ok"


                @functools.lru_cache
                def cached(x):
                    return x
                """);
        write(repo, "shop/views.py", """
                from rest_framework.decorators import api_view


                @api_view(["GET"])
                def stock(request):
                    return None
                """);
        write(repo, "shop/urls.py", """
                from django.urls import path
                from . import views

                urlpatterns = [
                    path("stock/<int:item>/", views.stock),
                ]
                """);
        write(repo, "shop/cli.py", """
                import argparse
                import click
                import typer

                app = typer.Typer()


                @click.command()
                @click.option("--count", default=1)
                def hello(count):
                    print("hello" * count)


                @app.command()
                def sync(name: str):
                    print(name)


                def main(argv=None):
                    parser = argparse.ArgumentParser(description="shop tools")
                    parser.add_argument("path")
                    return parser.parse_args(argv)
                """);
        write(repo, "shop/demo.py", """
                import gradio as gr


                def greet(name):
                    return "Hello " + name


                demo = gr.Interface(fn=greet, inputs="text", outputs="text")
                """);
        write(repo, "shop/dashboard.py", """
                import streamlit as st

                st.title("Orders")
                """);
        write(repo, "shop/pricing.py", """
                def total(prices):
                    return sum(prices)
                """);
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("shop").setAuthor("a", "a@example.org").setCommitter("a", "a@example.org").call();
        }
        TestPlanHarness harness = new TestPlanHarness(repo, temp.resolve("store"), null);

        PerspectiveResult result = harness.run(harness.perspective("user-experience"));

        assertThat(result.status()).as(result.reason()).isEqualTo(Status.OK);
        assertThat(metric(result, "http_endpoints")).isEqualTo(5);
        assertThat(metric(result, "cli_entry_points")).isEqualTo(3);
        assertThat(metric(result, "ui_apps")).isEqualTo(2);
        assertThat(metric(result, "console_prints")).isEqualTo(2);
        // every surface is a module's function or the module itself (it said "whose classes have")
        assertThat(result.recommendations()).contains("Test the 10 user-facing surfaces whose modules have no tests.");
        List<TestSpecification> specs = TestPlanHarness.analysis(result).testSpecifications();
        // pytest's names, as the skeleton writes them (they were JUnit's, "hello_withBadArguments_printsUsage")
        assertThat(specs).extracting(TestSpecification::testName).contains(
                "test_read_order_answers_valid_request", "test_create_order_rejects_invalid_request",
                "test_health_answers_valid_request", "test_stock_answers_valid_request",
                "test_hello_with_bad_arguments_prints_usage", "test_sync_with_bad_arguments_prints_usage",
                "test_main_with_bad_arguments_prints_usage", "test_gradio_app_answers_an_input",
                "test_streamlit_app_explains_a_bad_input");
        assertThat(specs).extracting(TestSpecification::testName)
                .noneMatch(n -> n.startsWith("test_cached_") || n.startsWith("test_total_") || n.startsWith("test_greet_"));
        assertThat(specs).filteredOn(s -> s.testName().equals("test_hello_with_bad_arguments_prints_usage"))
                .extracting(TestSpecification::when).containsExactly("running the click command hello (with its CliRunner)");
        assertThat(specs).filteredOn(s -> s.testName().startsWith("test_url_stock"))
                .extracting(TestSpecification::when).anySatisfy(w -> assertThat(w).contains("path(\"stock/<int:item>/\") (shop/urls.py:5)"));
    }

    private static double metric(PerspectiveResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).map(Metric::value).findFirst().orElseThrow();
    }

    private static void write(Path repo, String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
