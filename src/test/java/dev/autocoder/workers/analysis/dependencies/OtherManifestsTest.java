package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OtherManifestsTest {

    @TempDir
    Path dir;

    @Test
    void packageJsonPinsOnlyExactVersions() {
        TestRepository repo = new TestRepository(dir).write("web/package.json", """
                {
                  "name": "web",
                  "version": "1.0.0",
                  "scripts": { "test": "jest" },
                  "dependencies": {
                    "express": "^4.18.2",
                    "lodash": "4.17.15",
                    "left-pad": "=v1.3.0",
                    "react": "~18.2.0",
                    "shared": "workspace:*",
                    "my-fetch": "npm:node-fetch@2.6.7"
                  },
                  "devDependencies": {
                    "jest": ">=29.0.0 <30",
                    "typescript": "*",
                    "eslint": "latest",
                    "prettier": "3.x"
                  },
                  "peerDependencies": { "react-dom": "18.2.0" },
                  "optionalDependencies": { "fsevents": "2.3.3" }
                }
                """);
        String pj = "web/package.json";

        assertThat(scan(repo)).containsExactly(
                Dependency.unpinned("npm", "express", VersionState.RANGED, "^4.18.2", pj, 6, "dependencies"),
                Dependency.pinned("npm", "lodash", "4.17.15", "4.17.15", pj, 7, "dependencies"),
                Dependency.pinned("npm", "left-pad", "1.3.0", "=v1.3.0", pj, 8, "dependencies"),
                Dependency.unpinned("npm", "react", VersionState.RANGED, "~18.2.0", pj, 9, "dependencies"),
                Dependency.unpinned("npm", "shared", VersionState.EXTERNAL, "workspace:*", pj, 10, "dependencies"),
                Dependency.pinned("npm", "node-fetch", "2.6.7", "npm:node-fetch@2.6.7", pj, 11, "dependencies"),
                Dependency.unpinned("npm", "jest", VersionState.RANGED, ">=29.0.0 <30", pj, 14, "devDependencies"),
                Dependency.unpinned("npm", "typescript", VersionState.RANGED, "*", pj, 15, "devDependencies"),
                Dependency.unpinned("npm", "eslint", VersionState.RANGED, "latest", pj, 16, "devDependencies"),
                Dependency.unpinned("npm", "prettier", VersionState.RANGED, "3.x", pj, 17, "devDependencies"),
                Dependency.pinned("npm", "react-dom", "18.2.0", "18.2.0", pj, 19, "peerDependencies"),
                Dependency.pinned("npm", "fsevents", "2.3.3", "2.3.3", pj, 20, "optionalDependencies"));
    }

    @Test
    void rangedNpmVersionsAreInfoWhenALockfilePinsThem() {
        TestRepository repo = new TestRepository(dir)
                .write("package.json", "{\"dependencies\": {\"express\": \"^4.18.2\", \"lodash\": \"^4.17.21\"}}")
                .write("package-lock.json", "{}")
                .write("tools/package.json", "{\"dependencies\": {\"chalk\": \"^5.0.0\"}}");
        DependencyInventory inventory = new ManifestScanner().scan(repo.snapshot());

        InventoryFindings.Report report = InventoryFindings.analyze(inventory, Set.of("package.json", "package-lock.json", "tools/package.json"));

        assertThat(report.findings()).extracting(Finding::file, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("package.json", Severity.INFO),
                org.assertj.core.groups.Tuple.tuple("package.json", Severity.INFO),
                // the root lockfile of a workspace pins the nested package too
                org.assertj.core.groups.Tuple.tuple("tools/package.json", Severity.INFO));
        assertThat(report.findings().get(0).message())
                .isEqualTo("express has the unpinned version \"^4.18.2\" (dependencies); package-lock.json pins what is installed, the manifest alone does not");
        assertThat(report.recommendations()).containsExactly("Pin 2 ranged npm versions in package.json",
                "Pin 1 ranged npm version in tools/package.json");
        assertThat(report.unpinnedWithLockfile()).isEqualTo(3);
    }

    @Test
    void requirementsFilesPinOnlyDoubleEquals() {
        TestRepository repo = new TestRepository(dir).write("requirements-dev.txt", """
                # tools for development
                -r requirements.txt
                --index-url https://pypi.org/simple
                Django==4.2.7
                requests>=2.31.0  # at least this
                flask~=3.0
                numpy
                PyYAML==6.0.1 \\
                    --hash=sha256:abc123
                uvicorn[standard]==0.24.0 ; python_version >= "3.8"
                git+https://github.com/acme/tool.git#egg=tool
                mylib @ https://example.org/mylib-1.0.tar.gz
                Pillow==10.*
                """);
        String rq = "requirements-dev.txt";

        assertThat(scan(repo)).containsExactly(
                Dependency.pinned("PyPI", "django", "4.2.7", "==4.2.7", rq, 4, "requirements"),
                Dependency.unpinned("PyPI", "requests", VersionState.RANGED, ">=2.31.0", rq, 5, "requirements"),
                Dependency.unpinned("PyPI", "flask", VersionState.RANGED, "~=3.0", rq, 6, "requirements"),
                Dependency.unpinned("PyPI", "numpy", VersionState.RANGED, null, rq, 7, "requirements"),
                Dependency.pinned("PyPI", "pyyaml", "6.0.1", "==6.0.1", rq, 8, "requirements"),
                Dependency.pinned("PyPI", "uvicorn", "0.24.0", "==0.24.0", rq, 10, "requirements"),
                Dependency.unpinned("PyPI", "mylib", VersionState.EXTERNAL, "@ https://example.org/mylib-1.0.tar.gz", rq, 12, "requirements"),
                Dependency.unpinned("PyPI", "pillow", VersionState.RANGED, "==10.*", rq, 13, "requirements"));
    }

    @Test
    void pyprojectReadsPep621AndPoetry() {
        TestRepository repo = new TestRepository(dir).write("svc/pyproject.toml", """
                [project]
                name = "svc"
                version = "0.1.0"
                dependencies = [
                    "httpx==0.25.2",
                    "pydantic>=2,<3",
                ]

                [project.optional-dependencies]
                test = ["pytest==7.4.3"]

                [tool.poetry.dependencies]
                python = "^3.11"
                SQLAlchemy = "2.0.23"
                fastapi = "^0.104.1"
                internal-lib = { path = "../lib", develop = true }
                celery = { version = "5.3.6", extras = ["redis"] }

                [tool.poetry.group.dev.dependencies]
                black = "~23.11"
                """);
        String pp = "svc/pyproject.toml";

        assertThat(scan(repo)).containsExactly(
                Dependency.pinned("PyPI", "httpx", "0.25.2", "==0.25.2", pp, 5, "project"),
                Dependency.unpinned("PyPI", "pydantic", VersionState.RANGED, ">=2,<3", pp, 6, "project"),
                Dependency.pinned("PyPI", "pytest", "7.4.3", "==7.4.3", pp, 10, "optional:test"),
                Dependency.pinned("PyPI", "sqlalchemy", "2.0.23", "2.0.23", pp, 14, "poetry"),
                Dependency.unpinned("PyPI", "fastapi", VersionState.RANGED, "^0.104.1", pp, 15, "poetry"),
                Dependency.unpinned("PyPI", "internal-lib", VersionState.EXTERNAL, "{\"path\":\"../lib\",\"develop\":true}", pp, 16, "poetry"),
                Dependency.pinned("PyPI", "celery", "5.3.6", "5.3.6", pp, 17, "poetry"),
                Dependency.unpinned("PyPI", "black", VersionState.RANGED, "~23.11", pp, 20, "poetry:dev"));
    }

    @Test
    void goModReadsRequireBlocksAndSingleLines() {
        TestRepository repo = new TestRepository(dir).write("go.mod", """
                module github.com/acme/svc

                go 1.21

                require github.com/gin-gonic/gin v1.9.1

                require (
                	golang.org/x/net v0.17.0
                	github.com/stretchr/testify v1.8.4 // indirect
                	golang.org/x/text v0.0.0-20230101000000-abcdefabcdef
                )

                replace golang.org/x/net => golang.org/x/net v0.18.0
                """);

        assertThat(scan(repo)).containsExactly(
                Dependency.pinned("Go", "github.com/gin-gonic/gin", "1.9.1", "v1.9.1", "go.mod", 5, "direct"),
                Dependency.pinned("Go", "golang.org/x/net", "0.17.0", "v0.17.0", "go.mod", 8, "direct"),
                Dependency.pinned("Go", "github.com/stretchr/testify", "1.8.4", "v1.8.4", "go.mod", 9, "indirect"),
                Dependency.pinned("Go", "golang.org/x/text", "0.0.0-20230101000000-abcdefabcdef",
                        "v0.0.0-20230101000000-abcdefabcdef", "go.mod", 10, "direct"));
    }

    @Test
    void gradleScriptsAndVersionCatalog() {
        TestRepository repo = new TestRepository(dir)
                .write("gradle.properties", "kotlinVersion=1.9.20\n")
                .write("build.gradle", """
                        plugins {
                            id 'java'
                            id 'org.springframework.boot' version '3.2.0'
                        }
                        ext {
                            jacksonVersion = '2.15.3'
                        }
                        def guavaVersion = "32.1.3-jre"
                        dependencies {
                            implementation 'org.springframework.boot:spring-boot-starter-web'
                            implementation "com.fasterxml.jackson.core:jackson-databind:${jacksonVersion}"
                            implementation "com.google.guava:guava:$guavaVersion"
                            implementation group: 'org.apache.commons', name: 'commons-lang3', version: '3.13.0'
                            runtimeOnly 'org.postgresql:postgresql:42.+'
                            testImplementation platform('org.junit:junit-bom:5.10.1')
                            compileOnly "org.projectlombok:lombok:${lombokVersion}"
                            implementation project(':core')
                            implementation libs.okhttp
                            // implementation 'commented:out:1.0'
                        }
                        """)
                .write("app/build.gradle.kts", """
                        val coroutinesVersion = "1.7.3"
                        dependencies {
                            implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:$coroutinesVersion")
                            implementation("org.jetbrains.kotlin:kotlin-reflect:${kotlinVersion}")
                            testImplementation("io.mockk:mockk:1.13.8")
                            implementation(group = "com.squareup.retrofit2", name = "retrofit", version = "2.9.0")
                            /* implementation("block:comment:1.0") */
                        }
                        """)
                .write("gradle/libs.versions.toml", """
                        [versions]
                        okhttp = "4.12.0"
                        slf4j = { strictly = "2.0.9" }

                        [libraries]
                        okhttp = { module = "com.squareup.okhttp3:okhttp", version.ref = "okhttp" }
                        slf4j-api = { group = "org.slf4j", name = "slf4j-api", version.ref = "slf4j" }
                        "commons-io" = "commons-io:commons-io:2.15.0"
                        micrometer-bom = { module = "io.micrometer:micrometer-bom" }
                        missing = { module = "org.example:missing", version.ref = "nope" }
                        dynamic = { module = "org.example:dynamic", version = "1.+" }

                        [plugins]
                        spring-boot = { id = "org.springframework.boot", version = "3.2.0" }
                        """);

        assertThat(scan(repo)).containsExactly(
                Dependency.pinned("Maven", "org.jetbrains.kotlinx:kotlinx-coroutines-core", "1.7.3", "$coroutinesVersion", "app/build.gradle.kts", 3, "implementation"),
                Dependency.pinned("Maven", "org.jetbrains.kotlin:kotlin-reflect", "1.9.20", "${kotlinVersion}", "app/build.gradle.kts", 4, "implementation"),
                Dependency.pinned("Maven", "io.mockk:mockk", "1.13.8", "1.13.8", "app/build.gradle.kts", 5, "testImplementation"),
                Dependency.pinned("Maven", "com.squareup.retrofit2:retrofit", "2.9.0", "2.9.0", "app/build.gradle.kts", 6, "implementation"),
                Dependency.unpinned("Maven", "org.springframework.boot:spring-boot-starter-web", VersionState.EXTERNAL, null, "build.gradle", 10, "implementation"),
                Dependency.pinned("Maven", "com.fasterxml.jackson.core:jackson-databind", "2.15.3", "${jacksonVersion}", "build.gradle", 11, "implementation"),
                Dependency.pinned("Maven", "com.google.guava:guava", "32.1.3-jre", "$guavaVersion", "build.gradle", 12, "implementation"),
                Dependency.pinned("Maven", "org.apache.commons:commons-lang3", "3.13.0", "3.13.0", "build.gradle", 13, "implementation"),
                Dependency.unpinned("Maven", "org.postgresql:postgresql", VersionState.RANGED, "42.+", "build.gradle", 14, "runtimeOnly"),
                Dependency.pinned("Maven", "org.junit:junit-bom", "5.10.1", "5.10.1", "build.gradle", 15, "testImplementation"),
                Dependency.unpinned("Maven", "org.projectlombok:lombok", VersionState.UNRESOLVED, "${lombokVersion}", "build.gradle", 16, "compileOnly"),
                Dependency.pinned("Maven", "com.squareup.okhttp3:okhttp", "4.12.0", "version.ref=okhttp", "gradle/libs.versions.toml", 6, "catalog"),
                Dependency.pinned("Maven", "org.slf4j:slf4j-api", "2.0.9", "version.ref=slf4j", "gradle/libs.versions.toml", 7, "catalog"),
                Dependency.pinned("Maven", "commons-io:commons-io", "2.15.0", "2.15.0", "gradle/libs.versions.toml", 8, "catalog"),
                Dependency.unpinned("Maven", "io.micrometer:micrometer-bom", VersionState.EXTERNAL, null, "gradle/libs.versions.toml", 9, "catalog"),
                Dependency.unpinned("Maven", "org.example:missing", VersionState.UNRESOLVED, "version.ref=nope", "gradle/libs.versions.toml", 10, "catalog"),
                Dependency.unpinned("Maven", "org.example:dynamic", VersionState.RANGED, "1.+", "gradle/libs.versions.toml", 11, "catalog"));
    }

    @Test
    void credentialsInUrlSpecsNeverReachTheInventoryOrFindings() {
        TestRepository repo = new TestRepository(dir)
                .write("package.json", "{\"dependencies\": {\"private-lib\": \"git+https://ghp_s3cr3tT0ken@github.com/acme/lib.git\"}}")
                .write("requirements.txt", "internal @ https://deploy:hunter2@pypi.acme.test/internal-1.0.tar.gz\n");
        DependencyInventory inventory = new ManifestScanner().scan(repo.snapshot());

        InventoryFindings.Report report = InventoryFindings.analyze(inventory, Set.of());

        assertThat(inventory.dependencies()).extracting(Dependency::declaredVersion).containsExactly(
                "git+https://***@github.com/acme/lib.git", "@ https://***@pypi.acme.test/internal-1.0.tar.gz");
        assertThat(report.findings().toString() + inventory).doesNotContain("s3cr3t", "hunter2");
    }

    @Test
    void manifestsOfTestFixturesAndInstalledPackagesAreNotTheProjects() {
        TestRepository repo = new TestRepository(dir)
                .write("package.json", "{\"dependencies\": {\"lodash\": \"4.17.21\"}}")
                .write("node_modules/lodash/package.json", "{\"dependencies\": {\"x\": \"1.0.0\"}}")
                .write("src/test/resources/old/pom.xml", "<project><artifactId>old</artifactId></project>")
                .write("pkg/testdata/go.mod", "module example.com/fixture\n");

        DependencyInventory inventory = new ManifestScanner().scan(repo.snapshot());

        assertThat(inventory.manifests()).containsExactly("package.json");
    }

    @Test
    void oversizedManifestsAreListedAndSkippedWithTheReason() {
        TestRepository repo = new TestRepository(dir)
                .write("package.json", "{\"dependencies\": {\"lodash\": \"4.17.21\"}}")
                .write("go.mod", "module example.com/big\n");

        DependencyInventory inventory = new ManifestScanner().scan(repo.snapshot(Set.of("go.mod")));

        assertThat(inventory.manifests()).containsExactly("go.mod", "package.json");
        assertThat(inventory.skipped()).containsExactly(new ManifestProblem("go.mod", "over the size limit"));
        assertThat(inventory.dependencies()).extracting(Dependency::name).containsExactly("lodash");
    }

    private static List<Dependency> scan(TestRepository repo) {
        DependencyInventory inventory = new ManifestScanner().scan(repo.snapshot());
        assertThat(inventory.parseErrors()).isEmpty();
        return inventory.dependencies();
    }
}
