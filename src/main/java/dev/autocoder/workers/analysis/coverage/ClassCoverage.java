package dev.autocoder.workers.analysis.coverage;

/**
 * The coverage of one class as a report states it.
 * <p>
 * JaCoCo and Cobertura report Java classes (nested classes separately, as {@code Outer$Inner}); LCOV reports
 * source files, so there the "class" is the file name and the "package" its folder.
 *
 * @param format       the format of the report it came from
 * @param packageName  dotted package name ("" for the default package); for LCOV the file's folder
 * @param className    name within the package, e.g. {@code Cart} or {@code Cart$Item}; for LCOV the file name
 * @param declaredPath the source file as the report names it (may be relative to an unknown source root,
 *                     or an absolute path on the machine that ran the tests)
 * @param file         the repository-relative source file, once resolved against the snapshot; null if unknown
 * @param counts       covered and missed lines and branches
 */
record ClassCoverage(CoverageFormat format, String packageName, String className, String declaredPath,
                            String file, CoverageCounts counts) {

    /** Package-qualified name with '.' for nesting, the form the Java model uses ({@code a.b.Outer.Inner}). */
    public String qualifiedName() {
        String name = className.replace('$', '.');
        return packageName.isEmpty() ? name : packageName + "." + name;
    }

    /** How people name it: {@code a.b.Outer$Inner} for a class, the (repository) path for an LCOV file. */
    public String displayName() {
        if (format.perFile()) {
            return file != null ? file : declaredPath;
        }
        return packageName.isEmpty() ? className : packageName + "." + className;
    }

    public ClassCoverage withFile(String resolvedFile) {
        return new ClassCoverage(format, packageName, className, declaredPath, resolvedFile, counts);
    }

    public ClassCoverage withPackage(String newPackage) {
        return new ClassCoverage(format, newPackage, className, declaredPath, file, counts);
    }
}
