package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.config.AutocoderProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OverrideBothEqualsAndHashcode in the curated ruleset: an equals(..) or hashCode() that only returns super's keeps
 * the pair consistent and is not reported (Guava redeclares such methods for their javadoc); every other lone
 * equals or hashCode still is.
 */
class DelegatingEqualsTest {

    @TempDir
    Path root;

    @TempDir
    Path store;

    @Test
    void onlyTheLoneEqualsOrHashCodeWithABodyOfItsOwnIsReported() {
        TestSnapshots.write(root, "src/main/java/p/Pairs.java", """
                package p;

                class Pairs {
                    static class DelegatingEquals {
                        /** Documented again, behaves as Object's. */
                        @Override
                        public boolean equals(Object other) {
                            return super.equals(other);
                        }
                    }

                    static class DelegatingHashCode {
                        @Override
                        public int hashCode() {
                            return super.hashCode();
                        }
                    }

                    static class OwnEquals {
                        int value;

                        @Override
                        public boolean equals(Object other) {
                            return other instanceof OwnEquals o && o.value == value;
                        }
                    }

                    static class DelegatingAfterWork {
                        int calls;

                        @Override
                        public boolean equals(Object other) {
                            calls++;
                            return super.equals(other);
                        }
                    }

                    static class DelegatingToAnother {
                        @Override
                        public int hashCode() {
                            return super.toString().hashCode();
                        }
                    }
                }
                """);
        AutocoderProperties properties = new AutocoderProperties();
        properties.getStore().setPath(store);
        properties.getAnalysis().setPmdThreads(1);

        assertThat(new PmdEngine(properties).analyze(TestSnapshots.of(root)).violations())
                .filteredOn(v -> v.rule().equals("OverrideBothEqualsAndHashcode"))
                .extracting(PmdViolation::beginLine)
                .containsExactly(23, 32, 40);
    }
}
