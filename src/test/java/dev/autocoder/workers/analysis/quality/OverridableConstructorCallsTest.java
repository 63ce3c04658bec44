package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guava's first screen led with ConstructorCallsOverridableMethod × 12 high. Whether a subclass sees a half-built
 * object is in the class hierarchy: a class of the project that overrides the method keeps high and is named; none,
 * with no way to extend the class from outside its package, is low; none, but a public class a subclass elsewhere
 * could extend, medium.
 */
class OverridableConstructorCallsTest {

    @TempDir
    Path root;

    @Test
    void anOverridableCallInAConstructorIsRatedByWhoCanOverrideIt() {
        TestSnapshots.write(root, "src/main/java/shop/Table.java", """
                package shop;

                class Table {
                    int[] slots;

                    Table(int size) {
                        init(size);
                    }

                    void init(int size) {
                        slots = new int[size];
                    }
                }
                """);
        TestSnapshots.write(root, "src/main/java/shop/LinkedTable.java", """
                package shop;

                final class LinkedTable extends Table {
                    private int[] links;

                    LinkedTable(int size) {
                        super(size);
                    }

                    @Override
                    void init(int size) {
                        super.init(size);
                        links = new int[size];
                    }
                }
                """);
        TestSnapshots.write(root, "src/main/java/shop/Cursor.java", """
                package shop;

                public abstract class Cursor {
                    int position;

                    Cursor() {
                        advance();
                    }

                    void advance() {
                        position++;
                    }
                }
                """);
        TestSnapshots.write(root, "src/main/java/shop/Page.java", """
                package shop;

                public class Page {
                    private String title;

                    public Page(String title) {
                        rename(title);
                    }

                    public void rename(String title) {
                        this.title = title;
                    }
                }
                """);

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100))
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("ConstructorCallsOverridableMethod"))
                .extracting(f -> f.file().substring(f.file().lastIndexOf('/') + 1) + ":" + f.line() + " " + f.severity()
                        + " " + f.message().replaceFirst("^[^(]*\\(", "("))
                .containsExactlyInAnyOrder(
                        "Table.java:7 HIGH (int) (LinkedTable overrides `init`: it runs before the subclass's own fields are set)",
                        "Cursor.java:7 LOW () (no class of the project overrides `advance`, and no class outside its "
                                + "package can extend Cursor)",
                        "Page.java:7 MEDIUM (String) (no class of the project overrides `rename`; a subclass outside "
                                + "the project could)");
    }
}
