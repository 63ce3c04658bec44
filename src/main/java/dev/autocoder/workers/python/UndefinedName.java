package dev.autocoder.workers.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;

import java.util.List;

/**
 * The edit that defines a name ruff's F821 reports undefined, as {@code python/autocoder_edits.py undefined-name}
 * finds it.
 *
 * @param edit      {@code qualify} (write {@code alias.name} at line and column), {@code import} (add the statement
 *                  after line {@code afterLine}) or null when no edit is safe
 * @param col       0-based column of the use, in UTF-8 bytes as Python's ast counts them
 * @param definedIn the repository-relative path of the module that defines the name; null when no module of the
 *                  project does and the name comes from outside it
 * @param importedBy the project's modules that import the name from {@code module}, outside the project; empty when
 *                   {@code definedIn} is set
 * @param reason    why there is no edit; null with one
 */
public record UndefinedName(String edit, String alias, String module, String definedIn, List<String> importedBy,
                            int line, int col, String statement, int afterLine, String reason) {

    static UndefinedName none(String reason) {
        return new UndefinedName(null, null, null, null, List.of(), 0, 0, null, 0, reason);
    }

    static UndefinedName of(JsonNode answer) {
        if (!answer.path("edit").isTextual()) {
            return none(answer.path("reason").asText("the definition search gave no answer"));
        }
        return new UndefinedName(answer.get("edit").asText(), answer.path("alias").asText(null),
                answer.path("module").asText(null), answer.path("defined_in").asText(null),
                PythonModelProvider.texts(answer.path("imported_by")), answer.path("line").asInt(),
                answer.path("col").asInt(), answer.path("statement").asText(null), answer.path("after_line").asInt(), null);
    }
}
