package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.repository.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file PMD's rules run gives up on still has the planner's model when PMD's parser reads it: PMD 7.26's type
 * inference fails with a ContextedAssertionError on this file (reduced from Apache Commons Lang's
 * IterableStringTokenizer, Apache License 2.0), which skips it for the analysis perspectives; the test planner and
 * the implementation worker get its model from a rules-free parse.
 */
class ModelAfterPmdFailureTest {

    private static final String CRASHING = "src/main/java/p/Tokens.java";
    private static final String PLAIN = "src/main/java/p/Plain.java";

    @TempDir
    Path root;

    @Test
    void aFileARuleRunCrashesOnKeepsItsDetailedModel() {
        TestSnapshots.write(root, CRASHING, """
                package p;

                import java.util.ArrayList;
                import java.util.Iterator;
                import java.util.List;
                import java.util.Objects;
                import java.util.StringTokenizer;
                import java.util.stream.Stream;
                import java.util.stream.StreamSupport;
                import org.apache.commons.lang3.ArrayUtils;

                public class Tokens extends StringTokenizer implements Iterable<String> {
                    public Tokens(final String str) {
                        super(str);
                    }

                    @Override
                    public Iterator<String> iterator() {
                        return new Iterator<String>() {
                            @Override
                            public boolean hasNext() {
                                return hasMoreElements();
                            }

                            @Override
                            public String next() {
                                return Objects.toString(nextElement(), null);
                            }
                        };
                    }

                    public String[] toArray() {
                        return toList().toArray(ArrayUtils.EMPTY_STRING_ARRAY);
                    }

                    public List<String> toList() {
                        final List<String> list = new ArrayList<>();
                        forEach(list::add);
                        return list;
                    }

                    public Stream<String> toStream() {
                        return StreamSupport.stream(spliterator(), false);
                    }
                }
                """);
        TestSnapshots.write(root, PLAIN, "package p;\n\npublic class Plain {\n    public int one() {\n        return 1;\n    }\n}\n");
        Snapshot snapshot = TestSnapshots.of(root);
        PmdJavaModelProvider provider = TestModels.provider();

        // the rules run fails on the file: the analysis perspectives list it as skipped, naming PMD's error
        JavaFileModel summary = provider.model(snapshot).files().stream()
                .filter(f -> f.path().equals(CRASHING)).findFirst().orElseThrow();
        assertThat(summary.parseError()).contains("PMD failed on this file", "ContextedAssertionError");

        FileModel detailed = provider.codeModel(snapshot).file(CRASHING).orElseThrow();
        assertThat(detailed.parsed()).isTrue();
        TypeModel tokens = detailed.types().stream().filter(t -> t.simpleName().equals("Tokens")).findFirst().orElseThrow();
        assertThat(tokens.methods()).extracting(MethodModel::name)
                .contains("iterator", "toArray", "toList", "toStream");
        assertThat(provider.codeModel(snapshot).file(PLAIN).orElseThrow().parsed()).isTrue();
    }
}
