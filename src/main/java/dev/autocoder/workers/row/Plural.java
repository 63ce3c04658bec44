package dev.autocoder.workers.row;

/**
 * A count with its noun in the right number: rows say "1 class" and "2 classes", never "class(es)", so a reader
 * meets plain English. For a phrase pass the whole phrase, the plural goes on its last word. An irregular noun
 * ("entry"/"entries", "dependency"/"dependencies") takes both forms: {@code of(count, "entry", "entries")}.
 */
public final class Plural {

    private Plural() {
    }

    /** "1 class", "2 classes", "0 files", "1 call site". */
    public static String of(long count, String noun) {
        if (count == 1) {
            return count + " " + noun;
        }
        boolean sibilant = noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("z")
                || noun.endsWith("ch") || noun.endsWith("sh");
        return count + " " + noun + (sibilant ? "es" : "s");
    }

    /**
     * "the S302 finding", "the 6 B019 findings": one named without its count ("Fix the 1 B019 finding" reads as a
     * form letter).
     */
    public static String the(long count, String noun) {
        return "the " + (count == 1 ? noun : of(count, noun));
    }

    /** "1 entry", "2 entries", "1 module dependency": the plural given, for nouns the rule above gets wrong. */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
