package dev.autocoder.workers.analysis.security;

import dev.autocoder.workers.analysis.secrets.SecretFinding;
import dev.autocoder.workers.pythonmodel.PythonModelProvider.Modelled;
import dev.autocoder.workers.pythonmodel.PythonModelProvider.Site;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A generic secret assignment in documentation is low: its values are examples. Two kinds: inside a Python
 * docstring (oauthlib quotes RFC 6749's token responses, an {@code "access_token"} with the RFC's example value, in
 * six docstrings), and in a file named for examples or samples (botocore's {@code examples-1.json}, the AWS API
 * reference's requests and responses, one documented {@code ChangeToken} 62 times; a {@code .env.example}).
 * It stays a finding, counted as before: a real value pasted into documentation is still a leak. The specific rules
 * (private keys, cloud and service tokens) keep their severity wherever they are.
 */
final class DocumentationExamples {

    /** A file name with the word example(s) or sample(s) between separators: examples-1.json, .env.example. */
    private static final Pattern EXAMPLES_FILE = Pattern.compile("(?i)(?:^|[._-])(?:examples?|samples?)(?:[._-]|$)");

    private DocumentationExamples() {
    }

    /**
     * The findings, those in documentation lowered; the Python model (null: none) is asked for only when there is a
     * candidate in a Python file.
     */
    static List<Finding> lowered(List<Finding> secrets, Supplier<List<Modelled>> model) {
        List<Finding> out = new ArrayList<>(secrets.size());
        Map<String, Modelled> byPath = null;
        for (Finding finding : secrets) {
            if (!finding.rule().equals(SecretFinding.GENERIC_ASSIGNMENT) || finding.line() == null) {
                out.add(finding);
                continue;
            }
            if (isExamplesFile(finding.file())) {
                out.add(finding.withSeverity(Severity.LOW).withMessage(finding.message() + " It is in a file of "
                        + "examples: most likely a documented value; check that it is not a real one."));
                continue;
            }
            if (model == null || !finding.file().endsWith(".py")) {
                out.add(finding);
                continue;
            }
            if (byPath == null) {
                byPath = Modelled.byPath(model.get());
            }
            Modelled file = byPath.get(finding.file());
            out.add(file != null && file.isAt(Site.DOCSTRING, finding.line(), 1)
                    ? finding.withSeverity(Severity.LOW).withMessage(finding.message()
                    + " It is in a docstring: most likely an example in the documentation; check that it is not a real "
                    + "one.")
                    : finding);
        }
        return out;
    }

    static boolean isExamplesFile(String path) {
        return EXAMPLES_FILE.matcher(path.substring(path.lastIndexOf('/') + 1)).find();
    }
}
