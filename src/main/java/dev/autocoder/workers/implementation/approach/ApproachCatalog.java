package dev.autocoder.workers.implementation.approach;

import dev.autocoder.workers.implementation.patch.FixOutcome;
import dev.autocoder.workers.implementation.patch.ProposedPatch;
import dev.autocoder.workers.implementation.row.Approach;
import dev.autocoder.workers.row.Plural;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rule family's catalogue into the candidate approaches of one task, with their sizes, and chooses one:
 * the mechanical approach when the worker made a verified patch, else the family's preferred fallback.
 */
public final class ApproachCatalog {

    private ApproachCatalog() {
    }

    /**
     * What the sizes are estimated from.
     *
     * @param place       {@code lines 12-14}
     * @param method      the touched method's signature; null outside one
     * @param methodLines its length; null outside one
     * @param fileLines   the file's length; null when unreadable
     * @param callSites   calls to the touched code elsewhere
     * @param member      what the change touches (method, field, import, type), for the descriptions
     * @param message     the finding's message, for the descriptions
     * @param suppression how the file's language keeps a finding with a reason ({@code # noqa} in Python)
     */
    public record SizeFacts(String place, String method, Integer methodLines, Integer fileLines, int callSites,
                            String member, String message, String suppression) {
    }

    /** The candidates in catalogue order, the chosen one marked, and why it was chosen. */
    public record Evaluation(List<Approach> approaches, Approach chosen, String reason) {
    }

    /**
     * @param outcome the mechanical fix's outcome; null when the rule has no mechanical fix
     */
    public static Evaluation evaluate(RuleFamily family, String rule, FixOutcome outcome, SizeFacts facts) {
        ProposedPatch patch = outcome == null ? null : outcome.patch();
        boolean verifiedPatch = patch != null && patch.verification().ok();
        List<Approach> approaches = new ArrayList<>();
        int chosenIndex = -1;
        for (ApproachTemplate template : family.approaches()) {
            boolean mechanical = template.mechanical() && outcome != null;
            Integer linesChanged = mechanical && patch != null ? linesChanged(patch.unifiedDiff()) : null;
            String size = linesChanged != null ? lines(linesChanged) + " changed, from the real diff" : estimate(template.scope(), facts);
            if (mechanical && verifiedPatch) {
                chosenIndex = approaches.size();
            }
            approaches.add(new Approach(template.name(), describe(template.description(), rule, facts), size, linesChanged, template.pros(),
                    template.cons(), mechanical, false));
        }
        String reason;
        if (chosenIndex >= 0) {
            Approach chosen = approaches.get(chosenIndex);
            reason = "The worker made a verified patch for it (" + lines(chosen.linesChanged()) + " changed; "
                    + patch.description() + " It applies to HEAD and the result parses.) For it: "
                    + String.join(", ", chosen.pros()) + "; against it: " + String.join(", ", chosen.cons()) + ".";
        } else {
            chosenIndex = family.approaches().indexOf(family.fallback());
            Approach chosen = approaches.get(chosenIndex);
            String why = outcome == null ? "No mechanical fix exists for " + rule + "."
                    : patch == null ? "No mechanical patch: " + outcome.reason() + "."
                    : "The mechanical patch did not verify: " + patch.verification().detail() + ".";
            reason = why + " " + chosen.name() + " is preferred for " + family.label() + ": " + String.join(", ", chosen.pros())
                    + "; against it: " + String.join(", ", chosen.cons()) + ".";
        }
        approaches.set(chosenIndex, approaches.get(chosenIndex).chosen(true));
        return new Evaluation(List.copyOf(approaches), approaches.get(chosenIndex), reason);
    }

    /** The template's description about this finding: its {member}, {place}, {rule}, {message} and {suppression}. */
    static String describe(String description, String rule, SizeFacts facts) {
        return description.replace("{member}", facts.member() == null ? "the code" : facts.member())
                .replace("{place}", facts.place()).replace("{rule}", rule == null ? "the rule" : rule)
                .replace("{message}", facts.message() == null ? "" : facts.message())
                .replace("{suppression}", facts.suppression());
    }

    /** Added plus removed lines of a unified diff. */
    public static int linesChanged(String diff) {
        int changed = 0;
        for (String line : diff.split("\n")) {
            if ((line.startsWith("+") && !line.startsWith("+++")) || (line.startsWith("-") && !line.startsWith("---"))) {
                changed++;
            }
        }
        return changed;
    }

    /** {@code 1 line}, {@code 3 lines}. */
    public static String lines(int count) {
        return count + (count == 1 ? " line" : " lines");
    }

    private static String estimate(FixReach scope, SizeFacts facts) {
        return switch (scope) {
            case LINES -> "small: a few lines at " + facts.place();
            case METHOD -> facts.method() != null
                    ? "medium: within " + facts.method() + " (" + lines(facts.methodLines()) + ")"
                    : "medium: the code around " + facts.place();
            // the whole file: a Java class or a Python module
            case CLASS -> facts.fileLines() != null ? "large: the whole file, " + lines(facts.fileLines())
                    : "large: the whole file";
            case PROJECT -> "large: several files" + (facts.callSites() > 0 ? ", including "
                    + Plural.of(facts.callSites(), "call site") : "");
        };
    }
}
