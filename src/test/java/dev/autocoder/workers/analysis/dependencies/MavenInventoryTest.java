package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MavenInventoryTest {

    private static final String PARENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.acme</groupId>
              <artifactId>acme-parent</artifactId>
              <version>1.4.0</version>
              <packaging>pom</packaging>
              <modules>
                <module>core</module>
                <module>app</module>
                <module>tools/cli</module>
                <module>bom</module>
              </modules>
              <properties>
                <jackson.version>2.9.8</jackson.version>
                <guava.version>31.1-jre</guava.version>
                <slf4j.major>1.7</slf4j.major>
                <slf4j.version>${slf4j.major}.36</slf4j.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>com.fasterxml.jackson.core</groupId>
                    <artifactId>jackson-databind</artifactId>
                    <version>${jackson.version}</version>
                  </dependency>
                  <dependency>
                    <groupId>com.google.guava</groupId>
                    <artifactId>guava</artifactId>
                    <version>${guava.version}</version>
                  </dependency>
                  <dependency>
                    <groupId>org.junit.jupiter</groupId>
                    <artifactId>junit-jupiter</artifactId>
                    <version>5.10.0</version>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <dependencies>
                <dependency>
                  <groupId>org.slf4j</groupId>
                  <artifactId>slf4j-api</artifactId>
                  <version>${slf4j.version}</version>
                </dependency>
              </dependencies>
            </project>
            """;

    /** Parent by the default relativePath (../pom.xml); versions from the parent's dependencyManagement. */
    private static final String CORE = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>com.acme</groupId>
                <artifactId>acme-parent</artifactId>
                <version>1.4.0</version>
              </parent>
              <artifactId>acme-core</artifactId>
              <dependencies>
                <dependency>
                  <groupId>com.fasterxml.jackson.core</groupId>
                  <artifactId>jackson-databind</artifactId>
                </dependency>
                <dependency>
                  <groupId>com.google.guava</groupId>
                  <artifactId>guava</artifactId>
                </dependency>
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <scope>test</scope>
                </dependency>
              </dependencies>
            </project>
            """;

    /** An explicit guava version (conflict), an undefined property, a range, an internal module. */
    private static final String APP = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>com.acme</groupId>
                <artifactId>acme-parent</artifactId>
                <version>1.4.0</version>
                <relativePath>../pom.xml</relativePath>
              </parent>
              <artifactId>acme-app</artifactId>
              <dependencies>
                <dependency>
                  <groupId>${project.groupId}</groupId>
                  <artifactId>acme-core</artifactId>
                  <version>${project.version}</version>
                </dependency>
                <dependency>
                  <groupId>com.google.guava</groupId>
                  <artifactId>guava</artifactId>
                  <version>32.1.2-jre</version>
                </dependency>
                <dependency>
                  <groupId>org.apache.commons</groupId>
                  <artifactId>commons-text</artifactId>
                  <version>${commons-text.version}</version>
                </dependency>
                <dependency>
                  <groupId>org.apache.commons</groupId>
                  <artifactId>commons-lang3</artifactId>
                  <version>[3.0,4.0)</version>
                </dependency>
              </dependencies>
            </project>
            """;

    /**
     * The default relativePath (tools/pom.xml) does not exist: the parent is found by its coordinates. The
     * module overrides jackson.version, which the parent's dependencyManagement uses (Maven interpolates in
     * the child's context), and imports the in-repository BOM.
     */
    private static final String CLI = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>com.acme</groupId>
                <artifactId>acme-parent</artifactId>
                <version>1.4.0</version>
              </parent>
              <artifactId>acme-cli</artifactId>
              <properties>
                <jackson.version>2.12.7</jackson.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>com.acme</groupId>
                    <artifactId>acme-bom</artifactId>
                    <version>1.0.0</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <dependencies>
                <dependency>
                  <groupId>com.fasterxml.jackson.core</groupId>
                  <artifactId>jackson-databind</artifactId>
                </dependency>
                <dependency>
                  <groupId>com.squareup.okhttp3</groupId>
                  <artifactId>okhttp</artifactId>
                </dependency>
                <dependency>
                  <groupId>org.springframework</groupId>
                  <artifactId>spring-core</artifactId>
                </dependency>
              </dependencies>
            </project>
            """;

    private static final String BOM = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.acme</groupId>
              <artifactId>acme-bom</artifactId>
              <version>1.0.0</version>
              <packaging>pom</packaging>
              <properties>
                <okhttp.version>4.12.0</okhttp.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>com.squareup.okhttp3</groupId>
                    <artifactId>okhttp</artifactId>
                    <version>${okhttp.version}</version>
                  </dependency>
                </dependencies>
              </dependencyManagement>
            </project>
            """;

    @TempDir
    Path dir;
    private TestRepository repo;
    private DependencyInventory inventory;

    @BeforeEach
    void setUp() {
        repo = new TestRepository(dir).write("pom.xml", PARENT).write("core/pom.xml", CORE).write("app/pom.xml", APP)
                .write("tools/cli/pom.xml", CLI).write("bom/pom.xml", BOM);
        inventory = new ManifestScanner().scan(repo.snapshot());
    }

    @Test
    void resolvesVersionsThroughParentsPropertiesAndDependencyManagement() {
        assertThat(inventory.manifests()).containsExactly("app/pom.xml", "bom/pom.xml", "core/pom.xml", "pom.xml", "tools/cli/pom.xml");
        assertThat(inventory.parseErrors()).isEmpty();
        assertThat(inventory.dependencies()).containsExactly(
                pinned("com.acme:acme-core", "1.4.0", "${project.version}", "app/pom.xml", "acme-core", "compile"),
                pinned("com.google.guava:guava", "32.1.2-jre", "32.1.2-jre", "app/pom.xml", "guava", "compile"),
                new Dependency("Maven", "org.apache.commons:commons-text", null, "${commons-text.version}", "app/pom.xml",
                        repo.line("app/pom.xml", "commons-text"), "compile", VersionState.UNRESOLVED),
                new Dependency("Maven", "org.apache.commons:commons-lang3", null, "[3.0,4.0)", "app/pom.xml",
                        repo.line("app/pom.xml", "commons-lang3"), "compile", VersionState.RANGED),
                pinned("com.fasterxml.jackson.core:jackson-databind", "2.9.8", "${jackson.version}", "core/pom.xml", "jackson-databind", "compile"),
                pinned("com.google.guava:guava", "31.1-jre", "${guava.version}", "core/pom.xml", "guava", "compile"),
                pinned("org.junit.jupiter:junit-jupiter", "5.10.0", "5.10.0", "core/pom.xml", "junit-jupiter", "test"),
                pinned("org.slf4j:slf4j-api", "1.7.36", "${slf4j.version}", "pom.xml", "slf4j-api", "compile"),
                pinned("com.fasterxml.jackson.core:jackson-databind", "2.12.7", "${jackson.version}", "tools/cli/pom.xml", "jackson-databind", "compile"),
                pinned("com.squareup.okhttp3:okhttp", "4.12.0", "4.12.0", "tools/cli/pom.xml", "okhttp", "compile"),
                new Dependency("Maven", "org.springframework:spring-core", null, null, "tools/cli/pom.xml",
                        repo.line("tools/cli/pom.xml", "spring-core"), "compile", VersionState.UNRESOLVED));
        assertThat(inventory.internalModules()).isEqualTo(Set.of("com.acme:acme-parent", "com.acme:acme-core",
                "com.acme:acme-app", "com.acme:acme-cli", "com.acme:acme-bom"));
    }

    @Test
    void reportsConflictsAcrossModulesAndUnresolvedVersions() {
        InventoryFindings.Report report = InventoryFindings.analyze(inventory, Set.of());

        assertThat(report.conflicts()).extracting(VersionConflict::name)
                .containsExactly("com.fasterxml.jackson.core:jackson-databind", "com.google.guava:guava");
        Finding guava = only(report.findings(), "version-conflict", "core/pom.xml", "guava");
        assertThat(guava.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(guava.line()).isEqualTo(repo.line("core/pom.xml", "<artifactId>guava<"));
        assertThat(guava.message()).isEqualTo("com.google.guava:guava is declared at 2 versions: 31.1-jre (core/pom.xml:"
                + repo.line("core/pom.xml", "<artifactId>guava<") + "), 32.1.2-jre (app/pom.xml:" + repo.line("app/pom.xml", "<artifactId>guava<") + ")");

        Finding commonsText = only(report.findings(), "unresolved-version", "app/pom.xml", "commons-text");
        assertThat(commonsText.line()).isEqualTo(repo.line("app/pom.xml", "commons-text"));
        assertThat(commonsText.message()).isEqualTo("org.apache.commons:commons-text: version ${commons-text.version}"
                + " cannot be resolved from the repository (undefined property or variable)");
        Finding springCore = only(report.findings(), "unresolved-version", "tools/cli/pom.xml", "spring-core");
        assertThat(springCore.message()).isEqualTo("org.springframework:spring-core: no version, and no dependencyManagement in the repository supplies one");

        Finding range = only(report.findings(), "unpinned-version", "app/pom.xml", "commons-lang3");
        assertThat(range.severity()).isEqualTo(Severity.LOW);
        assertThat(report.unpinned()).isEqualTo(1);
        assertThat(report.unresolved()).isEqualTo(2);
        assertThat(report.recommendations()).contains(
                "Align com.google.guava:guava on one version (now 31.1-jre, 32.1.2-jre), e.g. in the dependencyManagement of a common parent pom or in the version catalog",
                "Pin 1 ranged Maven version in app/pom.xml (no lockfile pins them)");
    }

    @Test
    void versionsOutsideTheRepositoryAreExternalNotUnresolved() {
        repo.write("service/pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>3.5.10</version>
                    <relativePath/>
                  </parent>
                  <groupId>com.acme</groupId>
                  <artifactId>acme-service</artifactId>
                  <dependencies>
                    <dependency>
                      <groupId>org.springframework.boot</groupId>
                      <artifactId>spring-boot-starter-web</artifactId>
                    </dependency>
                  </dependencies>
                </project>
                """);
        List<Dependency> service = new ManifestScanner().scan(repo.snapshot()).dependencies().stream()
                .filter(d -> d.manifest().equals("service/pom.xml")).toList();

        assertThat(service).containsExactly(new Dependency("Maven", "org.springframework.boot:spring-boot-starter-web", null, null,
                "service/pom.xml", repo.line("service/pom.xml", "spring-boot-starter-web"), "compile", VersionState.EXTERNAL));
    }

    /**
     * A property no pom of the repository defines is left to a parent outside it (here through an in-repository
     * module whose own parent is remote), so it is external, never an "undefined property" finding; with the
     * whole parent chain in the repository (app/pom.xml's commons-text) it stays unresolved.
     */
    @Test
    void propertiesARemoteParentMayDefineAreExternalNotUnresolved() {
        repo.write("service/pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>3.5.10</version>
                    <relativePath/>
                  </parent>
                  <groupId>com.acme</groupId>
                  <artifactId>acme-service</artifactId>
                  <packaging>pom</packaging>
                  <dependencies>
                    <dependency>
                      <groupId>com.fasterxml.jackson.core</groupId>
                      <artifactId>jackson-core</artifactId>
                      <version>${jackson.version}</version>
                    </dependency>
                  </dependencies>
                </project>
                """).write("service/api/pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>com.acme</groupId>
                    <artifactId>acme-service</artifactId>
                    <version>1.0.0</version>
                  </parent>
                  <artifactId>acme-service-api</artifactId>
                  <dependencies>
                    <dependency>
                      <groupId>org.jetbrains.kotlin</groupId>
                      <artifactId>kotlin-stdlib</artifactId>
                      <version>${kotlin.version}</version>
                    </dependency>
                  </dependencies>
                </project>
                """);
        DependencyInventory scanned = new ManifestScanner().scan(repo.snapshot());
        InventoryFindings.Report report = InventoryFindings.analyze(scanned, Set.of());

        assertThat(scanned.dependencies().stream().filter(d -> d.manifest().startsWith("service/")).toList()).containsExactly(
                new Dependency("Maven", "org.jetbrains.kotlin:kotlin-stdlib", null, "${kotlin.version}", "service/api/pom.xml",
                        repo.line("service/api/pom.xml", "kotlin-stdlib"), "compile", VersionState.EXTERNAL),
                new Dependency("Maven", "com.fasterxml.jackson.core:jackson-core", null, "${jackson.version}", "service/pom.xml",
                        repo.line("service/pom.xml", "jackson-core"), "compile", VersionState.EXTERNAL));
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("unresolved-version"))
                .extracting(Finding::file).containsExactlyInAnyOrder("app/pom.xml", "tools/cli/pom.xml");
        assertThat(report.unresolved()).isEqualTo(2);
    }

    private Dependency pinned(String name, String version, String declared, String manifest, String artifactId, String scope) {
        return Dependency.pinned("Maven", name, version, declared, manifest,
                repo.line(manifest, "<artifactId>" + artifactId + "</artifactId>"), scope);
    }

    private static Finding only(List<Finding> findings, String rule, String file, String messagePart) {
        List<Finding> matching = findings.stream()
                .filter(f -> f.rule().equals(rule) && f.file().equals(file) && f.message().contains(messagePart)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
