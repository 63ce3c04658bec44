package dev.autocoder.workers.repository;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a file is for, so that scores and the first screen speak about production code (see {@link CodeScopes}
 * for how a path gets its scope). The order is the order lists show them in: main first.
 */
public enum Scope {
    /** Production sources and everything not recognized as one of the others. */
    MAIN,
    /** Build scripts and manifests (pom.xml, build.gradle, package.json, requirements.txt, Dockerfile, …). */
    BUILD,
    /** Test sources (Maven/Gradle test source sets, tests/ folders, *Test.java, test_*.py, …). */
    TEST,
    /** Test resources and fixture or test-data folders: inputs of tests, often deliberately bad code. */
    FIXTURE,
    /** Generated sources (generated-sources folders, {@code @Generated}, "DO NOT EDIT" headers). */
    GENERATED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
