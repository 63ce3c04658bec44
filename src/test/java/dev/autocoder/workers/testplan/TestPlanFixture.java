package dev.autocoder.workers.testplan;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;

/**
 * A small Java project committed twice with JGit, with planted API changes, integration points, edge cases and
 * failure modes. {@link #first()} and {@link #second()} are the two commit ids; the work tree is at the second.
 */
public final class TestPlanFixture {

    public static final String API = "src/main/java/com/shop/api/OrderApi.java";
    public static final String GATEWAY = "src/main/java/com/shop/infra/Gateway.java";
    public static final String DISCOUNTS = "src/main/java/com/shop/pricing/Discounts.java";
    public static final String PARSER = "src/main/java/com/shop/pricing/Parser.java";
    public static final String BROKEN = "src/main/java/com/shop/Broken.java";

    private final Path root;
    private String first;
    private String second;

    private TestPlanFixture(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public String first() {
        return first;
    }

    public String second() {
        return second;
    }

    public static TestPlanFixture create(Path root) throws Exception {
        return create(root, true);
    }

    /** With or without the unparseable file. */
    public static TestPlanFixture create(Path root, boolean withBroken) throws Exception {
        TestPlanFixture fixture = new TestPlanFixture(root);
        fixture.write(API, API_V1);
        fixture.write(GATEWAY, GATEWAY_SOURCE);
        fixture.write(DISCOUNTS, DISCOUNTS_SOURCE);
        fixture.write(PARSER, PARSER_SOURCE);
        fixture.write("src/test/java/com/shop/pricing/DiscountsTest.java", DISCOUNTS_TEST);
        fixture.write(".github/workflows/build.yml", WORKFLOW);
        if (withBroken) {
            fixture.write(BROKEN, "package com.shop;\n\npublic class Broken {\n    void oops( {\n}\n");
        }
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            fixture.first = commit(git, "First", Instant.parse("2026-11-01T10:00:00Z"));
            fixture.write(API, API_V2);
            git.add().addFilepattern(".").call();
            fixture.second = commit(git, "Second", Instant.parse("2026-11-02T10:00:00Z"));
        }
        return fixture;
    }

    private static String commit(Git git, String message, Instant when) throws Exception {
        PersonIdent ident = new PersonIdent("Fixture", "fixture@example.org", Date.from(when), TimeZone.getTimeZone(ZoneOffset.UTC));
        return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).call().getId().name();
    }

    public void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static final String API_V1 = """
            package com.shop.api;

            import java.util.List;

            public class OrderApi {

                public int count(List<String> items) {
                    return items.size();
                }

                public String label(String name, int width) {
                    return name + width;
                }

                public void legacy() {
                }

                public void save(String path) {
                }

                public long total(List<Long> amounts) {
                    long sum = 0;
                    for (Long amount : amounts) {
                        if (amount > 0) {
                            sum += amount;
                        }
                    }
                    return sum;
                }
            }
            """;

    static final String API_V2 = """
            package com.shop.api;

            import java.io.IOException;
            import java.util.List;

            public class OrderApi {

                int count(List<String> items) {
                    return items.size();
                }

                public String label(String name, long width) {
                    return name + width;
                }

                public void save(String path) throws IOException {
                }

                public boolean isEmpty() {
                    return true;
                }

                public long total(List<Long> amounts) {
                    long sum = 0;
                    for (Long amount : amounts) {
                        if (amount > 0) {
                            for (Long other : amounts) {
                                sum += other;
                            }
                        }
                    }
                    return sum;
                }
            }
            """;

    static final String GATEWAY_SOURCE = """
            package com.shop.infra;

            import java.io.IOException;
            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.PreparedStatement;
            import java.time.Instant;

            public class Gateway {

                private final HttpClient http = HttpClient.newHttpClient();

                public String fetch(String url) throws IOException, InterruptedException {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                }

                public int store(String name) throws Exception {
                    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:shop");
                         PreparedStatement insert = connection.prepareStatement("INSERT INTO items(name) VALUES (?)")) {
                        insert.setString(1, name);
                        return insert.executeUpdate();
                    }
                }

                public byte[] load(Path file) throws IOException {
                    return Files.readAllBytes(file);
                }

                public String home() {
                    return System.getenv("HOME");
                }

                public long now() {
                    return Instant.now().toEpochMilli();
                }

                public Process run(String command) throws IOException {
                    return Runtime.getRuntime().exec(command);
                }
            }
            """;

    static final String DISCOUNTS_SOURCE = """
            package com.shop.pricing;

            public class Discounts {

                public int rate(int quantity) {
                    if (quantity >= 100) {
                        return 20;
                    }
                    if (quantity > 10) {
                        return 5;
                    }
                    return 0;
                }

                public String code(String name) {
                    if (name.length() > 8) {
                        throw new IllegalArgumentException("code too long");
                    }
                    return name.toUpperCase();
                }
            }
            """;

    static final String PARSER_SOURCE = """
            package com.shop.pricing;

            import java.io.FileInputStream;
            import java.io.IOException;

            public class Parser {

                public int parse(String value) {
                    return Integer.parseInt(value.trim());
                }

                public String find(String key) {
                    if (key.isEmpty()) {
                        return null;
                    }
                    return key;
                }

                public String read(String path) throws IOException {
                    FileInputStream in = new FileInputStream(path);
                    return new String(in.readAllBytes());
                }

                public void quiet(String value) {
                    try {
                        Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                    }
                }

                public String text(Object value) {
                    return (String) value;
                }

                public void check(int n) {
                    if (n < 0) {
                        throw new IllegalArgumentException("negative");
                    }
                }
            }
            """;

    static final String DISCOUNTS_TEST = """
            package com.shop.pricing;

            import org.junit.jupiter.api.Test;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            class DiscountsTest {

                @Test
                void bulk() {
                    assertEquals(20, new Discounts().rate(100));
                }

                @Test
                void none() {
                    assertEquals(0, new Discounts().rate(1));
                }
            }
            """;

    static final String WORKFLOW = """
            name: build
            on: [push]
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - name: Test
                    run: ./mvnw -B verify
            """;
}
