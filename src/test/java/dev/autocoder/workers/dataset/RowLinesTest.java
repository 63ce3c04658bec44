package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.testsupport.Rows;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A downloaded file's rows, read one line at a time in both directions, past blank and broken lines. */
class RowLinesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsEveryRowInBothDirectionsAndSkipsWhatIsNotARow() throws Exception {
        String one = mapper.writeValueAsString(Rows.row(1, "a", List.of()));
        String two = mapper.writeValueAsString(Rows.row(2, "b", List.of()));
        String three = mapper.writeValueAsString(Rows.row(3, "c", List.of()));
        for (String file : List.of(one + "\n" + two + "\n" + three + "\n",
                one + "\n\n   \n{broken\n" + two + "\n" + three,
                "\n" + one + "\n" + two + "\n\n" + three + "\n\n")) {
            byte[] content = file.getBytes(StandardCharsets.UTF_8);
            List<Long> oldestFirst = new ArrayList<>();
            RowLines.forEach(content, mapper, "file", row -> oldestFirst.add(row.iteration()));
            assertThat(oldestFirst).as(file).containsExactly(1L, 2L, 3L);

            List<Long> newestFirst = new ArrayList<>();
            assertThat(RowLines.forEachNewestFirst(content, mapper, "file", row -> newestFirst.add(row.iteration()))).isTrue();
            assertThat(newestFirst).as(file).containsExactly(3L, 2L, 1L);

            List<Row> upToTwo = new ArrayList<>();
            assertThat(RowLines.forEachNewestFirst(content, mapper, "file", row -> upToTwo.add(row) && row.iteration() > 2))
                    .isFalse();
            assertThat(upToTwo).extracting(Row::iteration).containsExactly(3L, 2L);
        }
        assertThat(RowLines.forEachNewestFirst(new byte[0], mapper, "empty", row -> false)).isTrue();
    }
}
