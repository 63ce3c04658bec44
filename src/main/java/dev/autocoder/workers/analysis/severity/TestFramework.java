package dev.autocoder.workers.analysis.severity;

import dev.autocoder.workers.analysis.dependencies.Dependency;
import dev.autocoder.workers.analysis.dependencies.ManifestScanner;
import dev.autocoder.workers.repository.Snapshot;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A unit-test framework a build can declare; some PMD rules only make sense for one of them. */
public enum TestFramework {
    JUNIT4, JUPITER, TESTNG;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The frameworks the repository's manifests (pom.xml, build.gradle[.kts], Gradle version catalogs) declare a
     * dependency on: {@code junit:junit} or the vintage engine for JUnit 4, {@code org.junit.jupiter:*} for
     * Jupiter, {@code org.testng:*} for TestNG. Frameworks that only arrive transitively (for example through
     * spring-boot-starter-test) are not seen, so rules tied to one framework stay quiet rather than guess.
     */
    public static Set<TestFramework> declaredIn(Snapshot snapshot) {
        Set<TestFramework> frameworks = EnumSet.noneOf(TestFramework.class);
        for (Dependency dependency : new ManifestScanner().scan(snapshot).dependencies()) {
            String name = dependency.name();
            if (name.equals("junit:junit") || name.equals("org.junit.vintage:junit-vintage-engine")) {
                frameworks.add(JUNIT4);
            } else if (name.startsWith("org.junit.jupiter:")) {
                frameworks.add(JUPITER);
            } else if (name.startsWith("org.testng:")) {
                frameworks.add(TESTNG);
            }
        }
        return frameworks;
    }
}
