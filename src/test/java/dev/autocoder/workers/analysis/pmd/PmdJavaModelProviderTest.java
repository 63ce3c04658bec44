package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaMethodModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PmdJavaModelProviderTest {

    static final String OUTER = """
            package com.acme.model;

            import java.util.List;
            import java.util.*;
            import static java.util.Objects.requireNonNull;
            import static java.lang.Math.*;

            public class Outer {
                public Outer(String name) {
                    requireNonNull(name);
                }

                public int planted(int a, boolean b, String... rest) {
                    int r = 0;
                    if (a > 0 && b) {
                        r++;
                    }
                    for (int i = 0; i < a; i++) {
                        r += i;
                    }
                    switch (a) {
                        case 1: r = 1; break;
                        case 2: r = 2; break;
                        default: r = 3;
                    }
                    return r;
                }

                static class Inner {
                    private void simple() {
                    }

                    interface Deep {
                        void call(Map<String, List<Integer>> values);
                    }
                }

                public abstract static class Shape {
                    abstract double area();
                }

                enum Color { RED, GREEN }

                record Point(int x, int y) {
                }
            }
            """;

    static final String LOOPS = """
            package com.acme.model;

            class Loops {
                int cube(int n) {
                    int sum = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            int k = 0;
                            while (k < n) {
                                sum += i * j * k++;
                            }
                        }
                    }
                    return sum;
                }

                @org.junit.jupiter.api.Test
                void looksLikeATest() {
                }
            }
            """;

    static final String IN_TESTS = """
            class PlainHelper {
                void help() {
                }
            }
            """;

    @TempDir
    static Path root;
    static JavaModel model;
    static Map<String, JavaFileModel> files;

    @BeforeAll
    static void analyze() {
        TestSnapshots.write(root, "src/main/java/com/acme/model/Outer.java", OUTER);
        TestSnapshots.write(root, "src/main/java/com/acme/model/Loops.java", LOOPS);
        TestSnapshots.write(root, "src/test/java/PlainHelper.java", IN_TESTS);
        TestSnapshots.write(root, "src/main/java/com/acme/Broken.java", "package com.acme;\nclass Broken {\n    void m( {\n}\n");
        TestSnapshots.writeBytes(root, "src/main/java/com/acme/Bin.java", new byte[]{'c', 'l', 0, 1, 2, 'x'});
        TestSnapshots.write(root, "README.md", "# not java\n");
        PmdJavaModelProvider provider = new PmdJavaModelProvider(new PmdEngine(PmdRulesets.curated(), 1));
        model = provider.model(TestSnapshots.of(root));
        files = model.byPath();
    }

    @Test
    void listsEveryJavaFileIncludingTheOnesThatDidNotParse() {
        assertThat(model.files()).extracting(JavaFileModel::path).containsExactly(
                "src/main/java/com/acme/Bin.java",
                "src/main/java/com/acme/Broken.java",
                "src/main/java/com/acme/model/Loops.java",
                "src/main/java/com/acme/model/Outer.java",
                "src/test/java/PlainHelper.java");
        assertThat(model.unparseableFiles()).extracting(JavaFileModel::path)
                .containsExactly("src/main/java/com/acme/Broken.java");
        assertThat(model.skippedFiles()).extracting(JavaFileModel::path).containsExactly("src/main/java/com/acme/Bin.java");
        assertThat(files.get("src/main/java/com/acme/Bin.java").parseError()).isEqualTo("binary file; not parsed");
        JavaFileModel broken = files.get("src/main/java/com/acme/Broken.java");
        assertThat(broken.parseError()).startsWith("ParseException: Parse exception at line 3, column 13");
        assertThat(broken.types()).isEmpty();
        assertThat(broken.imports()).isEmpty();
    }

    @Test
    void packageAndImportsAsWritten() {
        JavaFileModel outer = files.get("src/main/java/com/acme/model/Outer.java");
        assertThat(outer.packageName()).isEqualTo("com.acme.model");
        assertThat(outer.imports()).containsExactly(
                "java.util.List", "java.util.*", "static java.util.Objects.requireNonNull", "static java.lang.Math.*");
        assertThat(files.get("src/test/java/PlainHelper.java").packageName()).isEmpty();
        assertThat(outer.contentHash()).hasSize(40);
    }

    @Test
    void typesOuterBeforeNestedWithKindsAndLines() {
        List<JavaTypeModel> types = files.get("src/main/java/com/acme/model/Outer.java").types();
        assertThat(types).extracting(JavaTypeModel::qualifiedName).containsExactly(
                "com.acme.model.Outer",
                "com.acme.model.Outer.Inner",
                "com.acme.model.Outer.Inner.Deep",
                "com.acme.model.Outer.Shape",
                "com.acme.model.Outer.Color",
                "com.acme.model.Outer.Point");
        assertThat(types).extracting(JavaTypeModel::kind)
                .containsExactly("class", "class", "interface", "class", "enum", "record");
        assertThat(types).extracting(JavaTypeModel::isPublic).containsExactly(true, false, false, true, false, false);
        assertThat(types).extracting(JavaTypeModel::isAbstract).containsExactly(false, false, true, true, false, false);
        JavaTypeModel outer = types.get(0);
        assertThat(outer.simpleName()).isEqualTo("Outer");
        assertThat(outer.beginLine()).isEqualTo(8);
        assertThat(outer.endLine()).isEqualTo(46);
        assertThat(types.get(1).beginLine()).isEqualTo(29);
        assertThat(types.get(1).endLine()).isEqualTo(36);
        assertThat(types).noneMatch(JavaTypeModel::isTest);
    }

    @Test
    void methodsWithSignaturesLinesAndPmdMetrics() {
        Map<String, JavaTypeModel> types = byName(files.get("src/main/java/com/acme/model/Outer.java").types());
        List<JavaMethodModel> outerMethods = types.get("com.acme.model.Outer").methods();
        assertThat(outerMethods).extracting(JavaMethodModel::signature)
                .containsExactly("Outer(String)", "planted(int, boolean, String...)");
        JavaMethodModel constructor = outerMethods.get(0);
        assertThat(constructor.constructor()).isTrue();
        assertThat(constructor.isPublic()).isTrue();
        assertThat(constructor.beginLine()).isEqualTo(9);
        assertThat(constructor.endLine()).isEqualTo(11);
        JavaMethodModel planted = outerMethods.get(1);
        assertThat(planted.name()).isEqualTo("planted");
        assertThat(planted.constructor()).isFalse();
        assertThat(planted.beginLine()).isEqualTo(13);
        assertThat(planted.endLine()).isEqualTo(27);
        // CYCLO = 1 + if + && + for + two case labels (default is no decision) = 6
        assertThat(planted.cyclomatic()).isEqualTo(6);
        // NCSS = declaration, r = 0, if, r++, for, r += i, switch, 3 labels, r = 1, break, r = 2, break, r = 3, return
        assertThat(planted.ncss()).isEqualTo(16);

        JavaMethodModel simple = types.get("com.acme.model.Outer.Inner").methods().get(0);
        assertThat(simple.signature()).isEqualTo("simple()");
        assertThat(simple.isPublic()).isFalse();
        assertThat(simple.cyclomatic()).isEqualTo(1);
        assertThat(simple.ncss()).isEqualTo(1);
        // Interface methods are public, but Deep itself is only package-visible through Inner.
        JavaMethodModel call = types.get("com.acme.model.Outer.Inner.Deep").methods().get(0);
        assertThat(call.signature()).isEqualTo("call(Map<String, List<Integer>>)");
        assertThat(call.isPublic()).isFalse();
        assertThat(types.get("com.acme.model.Outer.Shape").methods()).extracting(JavaMethodModel::signature)
                .containsExactly("area()");
        assertThat(types.get("com.acme.model.Outer.Color").methods()).isEmpty();
    }

    @Test
    void testTypesByAnnotationOrTestFolder() {
        JavaTypeModel loops = files.get("src/main/java/com/acme/model/Loops.java").types().get(0);
        assertThat(loops.isTest()).isTrue();
        assertThat(loops.methods()).extracting(JavaMethodModel::cyclomatic).containsExactly(4, 1);
        JavaTypeModel helper = files.get("src/test/java/PlainHelper.java").types().get(0);
        assertThat(helper.qualifiedName()).isEqualTo("PlainHelper");
        assertThat(helper.isTest()).isTrue();
    }

    private static Map<String, JavaTypeModel> byName(List<JavaTypeModel> types) {
        return types.stream().collect(Collectors.toMap(JavaTypeModel::qualifiedName, Function.identity()));
    }
}
