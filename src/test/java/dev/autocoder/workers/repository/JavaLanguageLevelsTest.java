package dev.autocoder.workers.repository;

import com.github.javaparser.ParserConfiguration;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import net.sourceforge.pmd.lang.LanguageRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static dev.autocoder.workers.repository.ModernJavaFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

class JavaLanguageLevelsTest {

    private static final String APP = "src/main/java/App.java";

    @TempDir
    Path root;

    @Test
    void withoutBuildFilesTheLevelIsTheNewestReleaseBothParsersKnow() {
        write(root, APP, "class App {}\n");
        JavaLanguageLevel level = levelOf(APP);

        assertThat(level.source()).isEqualTo(JavaLanguageLevel.DEFAULT_SOURCE);
        assertThat(level.note()).isNull();
        assertThat(level.feature()).isGreaterThanOrEqualTo(22);
        assertThat(pmdKnows(level.feature())).isTrue();
        assertThat(javaParserKnows(level.feature())).isTrue();
        // newest: one of the two parsers does not know the next release
        assertThat(pmdKnows(level.feature() + 1) && javaParserKnows(level.feature() + 1)).isFalse();
    }

    @Test
    void mavenCompilerReleasePropertySetsTheLevel() {
        ModernJavaFixture.writePom(root, "", "17");
        write(root, APP, "class App {}\n");
        JavaLanguageLevel level = levelOf(APP);

        assertThat(level).isEqualTo(new JavaLanguageLevel(17, "pom.xml: maven.compiler.release", null));
        assertThat(level.pmdVersion()).isEqualTo("17");
        assertThat(level.javaParserLevel()).isEqualTo(ParserConfiguration.LanguageLevel.JAVA_17);
    }

    @Test
    void gradleToolchainSetsTheLevel() {
        write(root, "build.gradle.kts", """
                plugins { java }
                // java { toolchain { languageVersion = JavaLanguageVersion.of(11) } } was the old one
                java {
                    toolchain {
                        languageVersion = JavaLanguageVersion.of(21)
                    }
                }
                """);
        write(root, APP, "class App {}\n");

        assertThat(levelOf(APP)).isEqualTo(new JavaLanguageLevel(21, "build.gradle.kts: toolchain JavaLanguageVersion.of", null));
    }

    @Test
    void gradleSourceCompatibilityWinsOverTheToolchain() {
        write(root, "build.gradle", """
                java {
                    toolchain { languageVersion.set(JavaLanguageVersion.of(21)) }
                    sourceCompatibility = JavaVersion.VERSION_1_8
                }
                """);
        write(root, APP, "class App {}\n");

        assertThat(levelOf(APP)).isEqualTo(new JavaLanguageLevel(8, "build.gradle: sourceCompatibility", null));
        assertThat(levelOf(APP).pmdVersion()).isEqualTo("8");
    }

    @Test
    void modulesInheritTheRootAndResolvePropertiesAlongTheirParents() {
        write(root, "pom.xml", """
                <project>
                  <properties><java.version>17</java.version></properties>
                  <modules><module>core</module><module>web</module></modules>
                  <build><pluginManagement><plugins>
                    <plugin>
                      <groupId>org.apache.maven.plugins</groupId>
                      <artifactId>maven-compiler-plugin</artifactId>
                      <configuration><release>${java.version}</release></configuration>
                    </plugin>
                  </plugins></pluginManagement></build>
                </project>
                """);
        write(root, "core/pom.xml", "<project><artifactId>core</artifactId></project>\n");
        write(root, "web/pom.xml", """
                <project><properties><java.version>21</java.version></properties></project>
                """);
        write(root, "core/src/main/java/Core.java", "class Core {}\n");
        write(root, "web/src/main/java/Web.java", "class Web {}\n");
        Snapshot snapshot = TestSnapshots.of(root);

        String fromRoot = "pom.xml: maven-compiler-plugin <release> = ${java.version}";
        assertThat(snapshot.javaLanguageLevel("core/src/main/java/Core.java"))
                .isEqualTo(new JavaLanguageLevel(17, fromRoot, null));
        assertThat(snapshot.javaLanguageLevel("web/src/main/java/Web.java"))
                .isEqualTo(new JavaLanguageLevel(21, fromRoot, null));
        assertThat(snapshot.javaLanguageLevels().details()).containsEntry("level", 17)
                .containsEntry("source", fromRoot)
                .containsKey("modules");
    }

    @Test
    void springBootParentPassesJavaVersionToTheCompiler() {
        write(root, "pom.xml", """
                <project>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>3.5.10</version>
                  </parent>
                  <properties><java.version>21</java.version></properties>
                </project>
                """);
        write(root, APP, "class App {}\n");

        assertThat(levelOf(APP)).isEqualTo(new JavaLanguageLevel(21, "pom.xml: java.version", null));
    }

    @Test
    void aLevelTheParsersDoNotKnowFallsBackToTheNewestAndSaysSo() {
        ModernJavaFixture.writePom(root, "", "99");
        write(root, APP, "class App {}\n");
        JavaLanguageLevel level = levelOf(APP);

        assertThat(level.feature()).isEqualTo(JavaLanguageLevel.newestSupported().feature());
        assertThat(level.note()).isEqualTo("the build declares Java 99, which PMD or JavaParser does not parse; Java "
                + level.feature() + " is used");
        assertThat(level.describe()).startsWith(level.feature() + " (pom.xml: maven.compiler.release; the build declares Java 99");
    }

    @Test
    void aPropertyDefinedOutsideTheRepositoryFallsBackToTheNewest() {
        ModernJavaFixture.writePom(root, "", "${company.java}");
        write(root, APP, "class App {}\n");
        JavaLanguageLevel level = levelOf(APP);

        assertThat(level.feature()).isEqualTo(JavaLanguageLevel.newestSupported().feature());
        assertThat(level.source()).isEqualTo("pom.xml: maven.compiler.release");
        assertThat(level.note()).startsWith("'${company.java}' is not a Java release");
    }

    private JavaLanguageLevel levelOf(String path) {
        return TestSnapshots.of(root).javaLanguageLevel(path);
    }

    private static boolean pmdKnows(int feature) {
        return LanguageRegistry.PMD.getLanguageById("java").getVersion(String.valueOf(feature)) != null;
    }

    private static boolean javaParserKnows(int feature) {
        return Arrays.stream(ParserConfiguration.LanguageLevel.values()).anyMatch(l -> l.name().equals("JAVA_" + feature));
    }
}
