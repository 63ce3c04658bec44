package dev.autocoder.workers.python;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The keywords for the positional arguments after the string of an {@code re.split}, {@code re.sub} or
 * {@code re.subn} call (ruff's B034), as {@code python/autocoder_edits.py keywords} finds them.
 *
 * @param function    {@code re.sub}; null when there is no such call
 * @param inserts     where each keyword goes, last argument last
 * @param keywords    the keywords, in the order of the arguments
 * @param flagAsCount the flag passed where the count or maxsplit goes ({@code re.ASCII}), which becomes
 *                    {@code flags=}; null when every argument keeps its meaning
 * @param reason      why there is no edit; null with one
 */
public record KeywordArguments(String function, List<Insert> inserts, List<String> keywords, String flagAsCount,
                               String reason) {

    /** A keyword ({@code count=}) to insert before the argument at a line and 0-based column (UTF-8 bytes). */
    public record Insert(int line, int col, String text) {
    }

    static KeywordArguments none(String reason) {
        return new KeywordArguments(null, List.of(), List.of(), null, reason);
    }

    static KeywordArguments of(JsonNode answer) {
        if (answer.path("inserts").isEmpty()) {
            return none(answer.path("reason").asText("the call search gave no answer"));
        }
        List<Insert> inserts = new ArrayList<>();
        answer.get("inserts").forEach(i -> inserts.add(new Insert(i.path("line").asInt(), i.path("col").asInt(),
                i.path("text").asText())));
        List<String> keywords = new ArrayList<>();
        answer.path("keywords").forEach(k -> keywords.add(k.asText()));
        return new KeywordArguments(answer.path("function").asText(null), List.copyOf(inserts), List.copyOf(keywords),
                answer.path("flag_as_count").asText(null), null);
    }
}
