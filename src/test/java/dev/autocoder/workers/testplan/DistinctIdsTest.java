package dev.autocoder.workers.testplan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's set of seen ids counts exactly what a set of the strings counts. */
class DistinctIdsTest {

    @Test
    void countsNewIdsLikeASetOfStrings() {
        DistinctIds ids = new DistinctIds();
        assertThat(ids.addAll(List.of("2dc2e03971fd1fb1", "17e4094df9598aee", "2dc2e03971fd1fb1"))).isEqualTo(2);
        assertThat(ids.addAll(List.of("17e4094df9598aee", "ffffffffffffffff", "e1", "E1"))).isEqualTo(3);
        assertThat(ids.addAll(List.of("e1", "ffffffffffffffff"))).isZero();
        assertThat(ids.size()).isEqualTo(5);
    }

    @Test
    void agreesWithAHashSetOverManyBatches() {
        Random random = new Random(42);
        DistinctIds ids = new DistinctIds();
        Set<String> reference = new HashSet<>();
        for (int batch = 0; batch < 200; batch++) {
            List<String> incoming = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                // a small id space, so most batches repeat earlier ids
                long n = random.nextInt(20_000);
                incoming.add(i % 7 == 0 ? "id-" + n : String.format("%016x", n * 0x9E3779B97F4A7C15L));
            }
            int before = reference.size();
            reference.addAll(incoming);
            assertThat(ids.addAll(incoming)).isEqualTo(reference.size() - before);
        }
        assertThat(ids.size()).isEqualTo(reference.size());
    }
}
