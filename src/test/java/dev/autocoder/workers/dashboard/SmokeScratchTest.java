package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Map;

class SmokeScratchTest {
    @TempDir
    Path temp;

    @Test
    void smoke() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Map<String, Object> p = App.fastWorkerProperties(fixture.root(), temp.resolve("store"));
        p.put("autocoder.workers.analysis.perspectives", "architecture");
        p.put("autocoder.workers.analysis.period", "500ms");
        p.put("autocoder.dashboard.admin-token", "t0ken-xyz");
        try (ConfigurableApplicationContext ctx = App.start(p)) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            Http http = new Http(port);
            Thread.sleep(3000);
            for (String path : new String[]{"/", "/api/status", "/api/workers", "/api/workers/analysis", "/api/workers/analysis/rows?limit=2", "/api/workers/nope", "/workers/analysis", "/fragments/status", "/actuator/health", "/autocoder/dashboard.js"}) {
                var r = http.get(path, "Authorization", "Bearer t0ken-xyz", "X-Foo", "bar");
                System.out.println("=== " + path + " " + r.statusCode() + " " + r.headers().map());
                System.out.println(r.body().length() > 3000 ? r.body().substring(0, 3000) : r.body());
            }
            var r = http.post("/workers/analysis/stop", "Authorization", "Bearer t0ken-xyz");
            System.out.println("=== stop " + r.statusCode() + " " + r.headers().map() + r.body());
            String csrf = http.csrfFrom("/workers/analysis");
            r = http.postForm("/workers/analysis/start", Http.fields("_csrf", csrf, "token", "t0ken-xyz"));
            System.out.println("=== start form " + r.statusCode() + " " + r.headers().map() + r.body());
            r = http.postForm("/workers/analysis/run", Http.fields("_csrf", "bad", "token", "t0ken-xyz"));
            System.out.println("=== run bad csrf " + r.statusCode() + " " + r.headers().map() + r.body());
            r = http.get("/actuator/prometheus");
            r.body().lines().filter(l -> l.startsWith("autocoder_") || l.startsWith("camel_exchanges_total")).forEach(System.out::println);
        }
    }
}
