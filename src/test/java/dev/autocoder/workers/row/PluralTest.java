package dev.autocoder.workers.row;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts in words: singular for one, plural otherwise, "es" after a sibilant. */
class PluralTest {

    @Test
    void oneIsSingularZeroAndMoreArePlural() {
        assertThat(Plural.of(0, "file")).isEqualTo("0 files");
        assertThat(Plural.of(1, "file")).isEqualTo("1 file");
        assertThat(Plural.of(2, "file")).isEqualTo("2 files");
    }

    @Test
    void sibilantsTakeEs() {
        assertThat(Plural.of(1, "class")).isEqualTo("1 class");
        assertThat(Plural.of(2, "class")).isEqualTo("2 classes");
        assertThat(Plural.of(3, "patch")).isEqualTo("3 patches");
    }

    @Test
    void aPhraseTakesThePluralOnItsLastWord() {
        assertThat(Plural.of(1, "call site")).isEqualTo("1 call site");
        assertThat(Plural.of(4, "test specification")).isEqualTo("4 test specifications");
    }

    @Test
    void anIrregularNounTakesThePluralGiven() {
        assertThat(Plural.of(1, "entry", "entries")).isEqualTo("1 entry");
        assertThat(Plural.of(0, "entry", "entries")).isEqualTo("0 entries");
        assertThat(Plural.of(3, "module dependency", "module dependencies")).isEqualTo("3 module dependencies");
    }
}
