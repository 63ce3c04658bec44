package dev.autocoder.workers.hub;

/**
 * Whole rows of one local data file, bytes {@code [from, to)}, not yet on the Hub, and the path they get there:
 * the local file's path plus the start offset, so a re-sent segment overwrites itself instead of duplicating rows,
 * and the Hub's files still sort chronologically.
 */
record OutboxSegment(String localFile, long from, long to, byte[] content, int rows) {

    public String hubPath() {
        return hubPath(localFile, from);
    }

    /** {@code 2026/11/24/20261124T101500123Z.jsonl} at 4096 becomes {@code data/2026/11/24/20261124T101500123Z-000000004096.jsonl}. */
    public static String hubPath(String localFile, long from) {
        String stem = localFile.substring(0, localFile.length() - ".jsonl".length());
        return "data/" + stem + "-" + String.format("%012d", from) + ".jsonl";
    }

    /** The local file and start offset a Hub path was made from; null for a path we did not make. */
    public static Origin origin(String hubPath) {
        if (!hubPath.startsWith("data/") || !hubPath.endsWith(".jsonl")) {
            return null;
        }
        String stem = hubPath.substring("data/".length(), hubPath.length() - ".jsonl".length());
        int dash = stem.lastIndexOf('-');
        if (dash < 0 || stem.length() - dash - 1 != 12 || !stem.substring(dash + 1).chars().allMatch(Character::isDigit)) {
            return null;
        }
        return new Origin(stem.substring(0, dash) + ".jsonl", Long.parseLong(stem.substring(dash + 1)));
    }

    /** Where a Hub file's rows came from. */
    public record Origin(String localFile, long from) {
    }
}
