package dev.autocoder.workers.testplan;

import dev.autocoder.workers.testplan.plan.TestPlanAnalysis;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the user-experience perspective finds HTTP endpoints declared as Camel routes — platform-http consumers
 * and the REST DSL, in Java route builders and in YAML route files — including this project's own routes.
 */
class CamelRouteSurfacesTest {

    @TempDir
    Path temp;

    @Test
    void camelRoutesInJavaAndYamlAreHttpEndpoints() throws Exception {
        Path root = temp.resolve("repo");
        write(root, "src/main/java/com/acme/Application.java", """
                package com.acme;

                @org.springframework.boot.autoconfigure.SpringBootApplication
                public class Application {
                }
                """);
        write(root, "src/main/java/com/acme/OrderRoutes.java", """
                package com.acme;

                import org.apache.camel.builder.RouteBuilder;

                public class OrderRoutes extends RouteBuilder {
                    @Override
                    public void configure() {
                        from("platform-http:/orders?httpMethodRestrict=GET").to("bean:orders?method=list");
                        rest("/api").get("/items").to("direct:items");
                        rest("/api").post("/items").to("direct:add");
                        from("timer:tick").to("log:tick");
                    }
                }
                """);
        write(root, "src/main/resources/routes/shop.yaml", """
                - rest:
                    path: /shop
                    get:
                      - path: /cart
                        to: direct:cart
                    delete:
                      - path: /cart/{id}
                        to: direct:remove
                - route:
                    id: health
                    from:
                      uri: "platform-http:/health"
                      steps:
                        - setBody:
                            constant: ok
                - from:
                    uri: "direct:internal"
                    steps:
                      - to: log:x
                """);
        // this project's own HTTP routes
        for (String own : List.of("api.yaml", "dashboard.yaml")) {
            write(root, "src/main/resources/routes/" + own, Files.readString(Path.of("src/main/resources/routes", own)));
        }
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("routes").setAuthor("Fixture", "fixture@example.org")
                    .setCommitter("Fixture", "fixture@example.org").call();
        }
        TestPlanHarness harness = new TestPlanHarness(root, temp.resolve("store"), temp.resolve("plans"));

        PerspectiveResult result = harness.run(harness.perspective("user-experience"));
        TestPlanAnalysis analysis = TestPlanHarness.analysis(result);
        List<String> whens = analysis.testSpecifications().stream().map(TestSpecification::when).toList();

        assertThat(whens).anyMatch(w -> w.startsWith("a valid request reaches GET /orders (src/main/java/com/acme/OrderRoutes.java:8)"))
                .anyMatch(w -> w.startsWith("a valid request reaches GET /api/items (src/main/java/com/acme/OrderRoutes.java:9)"))
                .anyMatch(w -> w.startsWith("a valid request reaches POST /api/items"))
                .anyMatch(w -> w.startsWith("a valid request reaches GET /shop/cart (src/main/resources/routes/shop.yaml:"))
                .anyMatch(w -> w.startsWith("a valid request reaches DELETE /shop/cart/{id}"))
                .anyMatch(w -> w.startsWith("a valid request reaches /health (src/main/resources/routes/shop.yaml:12, route health)"))
                .anyMatch(w -> w.startsWith("a valid request reaches GET /api/status (src/main/resources/routes/api.yaml:8, route api-status)"))
                .anyMatch(w -> w.startsWith("a valid request reaches POST /workers/{id}/start (src/main/resources/routes/dashboard.yaml:"))
                .noneMatch(w -> w.contains("timer:") || w.contains("direct:internal"));
        long ownRoutes = Files.readString(Path.of("src/main/resources/routes/api.yaml")).split("platform-http:", -1).length - 1
                + Files.readString(Path.of("src/main/resources/routes/dashboard.yaml")).split("platform-http:", -1).length - 1;
        assertThat(metric(result, "http_endpoints")).isEqualTo(3 + 3 + ownRoutes);
        assertThat(analysis.skeletons()).anyMatch(s -> s.testClass().equals("com.acme.ShopRoutesUserExperienceTest"))
                .anyMatch(s -> s.testClass().equals("com.acme.ApiRoutesUserExperienceTest"))
                .anyMatch(s -> s.testClass().equals("com.acme.OrderRoutesUserExperienceTest"));
    }

    private static double metric(PerspectiveResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).map(Metric::value).findFirst().orElseThrow();
    }

    private static void write(Path root, String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
