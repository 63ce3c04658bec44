package dev.autocoder.workers.fleet;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What every Kafka fleet test checks at the end: rows numbered without gap or repeat, each on the Hub once. */
final class FleetAssertions {

    private FleetAssertions() {
    }

    /** Each key's iterations on the rows topic are 1, 2, …, n in order: no gap, no repeat. */
    static void numberedFromOne(Map<String, List<Long>> iterations, Collection<String> keys) {
        for (String key : keys) {
            List<Long> numbers = iterations.get(key);
            List<Long> expected = LongStream.rangeClosed(1, numbers.size()).boxed().toList();
            assertThat(numbers).as("iterations of %s on the rows topic", key).isEqualTo(expected);
        }
    }

    /** Each worker writes two more rows on the topic than it has now (within two minutes). */
    static void everyWorkerGoesOn(Supplier<Map<String, List<Long>>> topic, List<String> workers) {
        Map<String, Integer> counts = new HashMap<>();
        topic.get().forEach((worker, numbers) -> counts.put(worker, numbers.size()));
        await("every worker goes on").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> workers.stream().allMatch(w -> topic.get().getOrDefault(w, List.of()).size()
                        >= counts.getOrDefault(w, 0) + 2));
    }

    /**
     * Every row the topic holds now reaches the Hub (within two minutes), published by whichever instance reads its
     * dataset, and none twice.
     */
    static void everyRowOnTheHubOnce(Supplier<Map<String, List<Long>>> topic, Function<String, List<Long>> hub,
                                     List<String> workers) {
        Map<String, Integer> written = new HashMap<>();
        topic.get().forEach((worker, numbers) -> written.put(worker, numbers.size()));
        await("the Hub has every row written so far").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> workers.stream().allMatch(w -> hub.apply(w).size() >= written.get(w)));
        for (String worker : workers) {
            List<Long> onHub = hub.apply(worker);
            List<Long> onTopic = topic.get().get(worker);
            assertThat(onHub).as("rows of %s on the Hub", worker).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(onTopic.subList(0, onHub.size()));
        }
    }
}
