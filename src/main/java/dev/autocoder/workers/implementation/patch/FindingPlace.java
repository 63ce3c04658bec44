package dev.autocoder.workers.implementation.patch;

/** The lines a finding points at, 1-based and inclusive, as PMD reports them. */
record FindingPlace(int line, int endLine) {

    static FindingPlace of(int line, Integer endLine) {
        return new FindingPlace(line, endLine == null || endLine < line ? line : endLine);
    }

    @Override
    public String toString() {
        return line == endLine ? "line " + line : "lines " + line + "-" + endLine;
    }
}
