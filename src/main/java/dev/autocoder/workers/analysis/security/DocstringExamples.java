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

/**
 * A generic secret assignment inside a Python docstring is low: documentation, whose values are examples (oauthlib
 * quotes RFC 6749's token responses, {@code "access_token":"2YotnFZFEjr1zCsicMWpAA"}, in six docstrings). It stays
 * a finding, counted as before: a real value pasted into a docstring is still a leak. The specific rules (private
 * keys, cloud and service tokens) keep their severity wherever they are.
 */
final class DocstringExamples {

    private DocstringExamples() {
    }

    /** The findings, those in docstrings lowered; the model is asked for only when there is a candidate. */
    static List<Finding> lowered(List<Finding> secrets, Supplier<List<Modelled>> model) {
        List<Finding> out = new ArrayList<>(secrets.size());
        Map<String, Modelled> byPath = null;
        for (Finding finding : secrets) {
            if (!finding.rule().equals(SecretFinding.GENERIC_ASSIGNMENT) || !finding.file().endsWith(".py")
                    || finding.line() == null) {
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
}
