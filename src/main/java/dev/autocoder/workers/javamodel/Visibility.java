package dev.autocoder.workers.javamodel;

/** Visibility ranks for comparisons outside the model package: public 3, protected 2, package 1, private 0. */
public final class Visibility {
    private Visibility() {
    }

    public static int rank(String visibility) {
        return FileModelBuilder.rank(visibility);
    }
}
