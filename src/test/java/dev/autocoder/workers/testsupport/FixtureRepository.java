package dev.autocoder.workers.testsupport;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;

/**
 * A small real Java project with planted problems, committed with JGit, for end-to-end tests: a package
 * cycle, an empty catch block, string concatenation in a loop, a secret, a vulnerable dependency, a JaCoCo
 * report, an unparseable Java file and a binary file.
 */
public final class FixtureRepository {

    /** The planted Hugging Face token, built at run time so this source file does not hold it. */
    public static final String PLANTED_TOKEN = "hf_" + "Zq8" + "Xw2Lp9Rt4Vb7Nm3Kj6Hg1Fd5Sa0Qe8Wy2";

    private final Path root;

    private FixtureRepository(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public static FixtureRepository create(Path root) throws Exception {
        FixtureRepository fixture = new FixtureRepository(root);
        fixture.writeProject();
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            commit(git, "Initial import", Instant.parse("2026-11-01T10:00:00Z"));
            fixture.write("src/main/java/com/acme/orders/OrderService.java", ORDER_SERVICE.replace("// totals", "// totals, reworked"));
            git.add().addFilepattern(".").call();
            commit(git, "Rework totals", Instant.parse("2026-11-10T10:00:00Z"));
        }
        return fixture;
    }

    private static void commit(Git git, String message, Instant when) throws Exception {
        PersonIdent ident = new PersonIdent("Fixture", "fixture@example.org", java.util.Date.from(when), TimeZone.getTimeZone(ZoneOffset.UTC));
        git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).call();
    }

    public void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private void writeProject() throws IOException {
        write(".gitignore", "target/\n");
        write("pom.xml", POM);
        write("src/main/java/com/acme/orders/OrderService.java", ORDER_SERVICE);
        write("src/main/java/com/acme/billing/Invoice.java", INVOICE);
        write("src/main/java/com/acme/shipping/Parcel.java", PARCEL);
        write("src/main/java/com/acme/util/Broken.java", "package com.acme.util;\n\npublic class Broken {\n    void oops( {\n}\n");
        write("src/main/resources/application.properties", "server.port=8080\nhub.api.token=" + PLANTED_TOKEN + "\n");
        write("src/test/java/com/acme/billing/InvoiceTest.java", INVOICE_TEST);
        byte[] binary = new byte[2048];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i % 7 == 0 ? 0 : i);
        }
        Files.createDirectories(root.resolve("src/main/resources"));
        Files.write(root.resolve("src/main/resources/logo.png"), binary);
        Files.write(root.resolve("src/main/java/com/acme/util/Data.java"), binary);
        write("target/site/jacoco/jacoco.xml", JACOCO);
    }

    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.acme</groupId>
              <artifactId>shop</artifactId>
              <version>1.0.0</version>
              <properties>
                <jackson.version>2.9.8</jackson.version>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>com.fasterxml.jackson.core</groupId>
                  <artifactId>jackson-databind</artifactId>
                  <version>${jackson.version}</version>
                </dependency>
                <dependency>
                  <groupId>junit</groupId>
                  <artifactId>junit</artifactId>
                  <version>4.13.2</version>
                  <scope>test</scope>
                </dependency>
              </dependencies>
            </project>
            """;

    private static final String ORDER_SERVICE = """
            package com.acme.orders;

            import com.acme.billing.Invoice;
            import java.util.List;

            public class OrderService {

                private final Invoice invoice = new Invoice();

                public String describe(List<String> items) {
                    String text = "";
                    for (String item : items) {
                        text += item + ", ";
                    }
                    return text;
                }

                public int parse(String value) {
                    try {
                        return Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                    }
                    return -1;
                }

                // totals
                public long total(List<Long> amounts) {
                    long sum = 0;
                    for (Long amount : amounts) {
                        if (amount != null && amount > 0) {
                            sum += amount;
                        }
                    }
                    return sum + invoice.fee();
                }
            }
            """;

    private static final String INVOICE = """
            package com.acme.billing;

            import com.acme.shipping.Parcel;

            public class Invoice {
                public long fee() {
                    return new Parcel().weight() > 10 ? 5 : 0;
                }
            }
            """;

    private static final String PARCEL = """
            package com.acme.shipping;

            import com.acme.orders.OrderService;

            public class Parcel {
                public int weight() {
                    return OrderService.class.getSimpleName().length();
                }
            }
            """;

    private static final String INVOICE_TEST = """
            package com.acme.billing;

            import org.junit.Test;

            public class InvoiceTest {
                @Test
                public void fee() {
                    new Invoice().fee();
                }
            }
            """;

    private static final String JACOCO = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
            <report name="shop">
              <sessioninfo id="s1" start="1700000000000" dump="1700000001000"/>
              <package name="com/acme/billing">
                <class name="com/acme/billing/Invoice" sourcefilename="Invoice.java">
                  <method name="fee" desc="()J" line="6">
                    <counter type="INSTRUCTION" missed="0" covered="8"/>
                    <counter type="BRANCH" missed="1" covered="1"/>
                    <counter type="LINE" missed="0" covered="1"/>
                  </method>
                  <counter type="INSTRUCTION" missed="0" covered="11"/>
                  <counter type="BRANCH" missed="1" covered="1"/>
                  <counter type="LINE" missed="0" covered="2"/>
                  <counter type="CLASS" missed="0" covered="1"/>
                </class>
                <sourcefile name="Invoice.java">
                  <line nr="6" mi="0" ci="8" mb="1" cb="1"/>
                  <counter type="LINE" missed="0" covered="2"/>
                </sourcefile>
                <counter type="LINE" missed="0" covered="2"/>
                <counter type="BRANCH" missed="1" covered="1"/>
              </package>
              <package name="com/acme/orders">
                <class name="com/acme/orders/OrderService" sourcefilename="OrderService.java">
                  <counter type="INSTRUCTION" missed="60" covered="0"/>
                  <counter type="BRANCH" missed="6" covered="0"/>
                  <counter type="LINE" missed="14" covered="0"/>
                  <counter type="CLASS" missed="1" covered="0"/>
                </class>
                <sourcefile name="OrderService.java">
                  <counter type="LINE" missed="14" covered="0"/>
                </sourcefile>
                <counter type="LINE" missed="14" covered="0"/>
                <counter type="BRANCH" missed="6" covered="0"/>
              </package>
              <counter type="LINE" missed="14" covered="2"/>
              <counter type="BRANCH" missed="7" covered="1"/>
            </report>
            """;
}
