package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.analysis.pmd.TestModels;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.repository.ModernJavaFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The test planner's model (PMD's parse) reads code of any Java release, at the level the build declares. */
class ModernJavaModelTest {

    @TempDir
    Path root;

    private final CodeModelProvider provider = TestModels.provider();

    @Test
    void modernJavaParsesAtTheNewestLevelWhenTheBuildDeclaresNone() {
        ModernJavaFixture.writeCode(root);
        CodeModel model = provider.codeModel(TestSnapshots.of(root));

        assertThat(model.unparseable()).isEmpty();
        FileModel geometry = model.file(ModernJavaFixture.GEOMETRY).orElseThrow();
        assertThat(geometry.types()).singleElement().satisfies(type -> assertThat(type.methods())
                .extracting(MethodModel::name).contains("area", "describe", "count", "isSquare"));
        assertThat(model.file("src/main/java/com/acme/shapes/Circle.java").orElseThrow().types())
                .extracting(TypeModel::kind).containsExactly("record");
    }

    @Test
    void theLevelOfThePomIsTheOnePmdParsesWith() {
        ModernJavaFixture.writeCode(root);
        assertThat(provider.codeModel(TestSnapshots.of(root)).unparseable()).isEmpty();

        ModernJavaFixture.writePom(root, "", "17");
        CodeModel at17 = provider.codeModel(TestSnapshots.of(root));

        // the cached Java 26 model of the same content is not reused at Java 17
        assertThat(at17.unparseable()).extracting(FileModel::path).containsExactly(ModernJavaFixture.GEOMETRY);
        ModernJavaFixture.JAVA_17_FILES.forEach(path -> assertThat(at17.file(path).orElseThrow().parsed()).isTrue());
    }
}
