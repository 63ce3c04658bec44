package dev.autocoder.workers.analysis.dependencies;

/** One OSV query: a package at one concrete version in an OSV ecosystem. */
record OsvPackage(String ecosystem, String name, String version) {

    public static OsvPackage of(Dependency dependency) {
        return new OsvPackage(dependency.ecosystem(), dependency.name(), dependency.version());
    }
}
