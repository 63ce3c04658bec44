package dev.autocoder.workers.implementation.task;

import dev.autocoder.workers.analysis.pmd.SeverityWeights;
import dev.autocoder.workers.implementation.llm.LlmProperties;
import dev.autocoder.workers.implementation.patch.MechanicalFixes;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.FindingGroup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * How much a finding is worth a cycle: priority = severity weight × defect factor × scope factor × deliverability
 * factor × hotspot factor (README, "Implementation worker").
 * <ul>
 *     <li>severity weight, as the analysis calibrated it: critical 5, high 3, medium 1, low 0.5, info 0.1;</li>
 *     <li>defect factor: 2 for a likely defect (a category the finding groups put first: PMD's Error Prone,
 *     Multithreading and Security, ruff's Bugbear, Pyflakes and Bandit, our security rules and secrets), 1 for
 *     maintainability advice: an {@code eval} or a swallowed exception outranks a complex function of the same
 *     severity even in a hotspot, as a reviewer would take them;</li>
 *     <li>scope factor: main 1, build 0.5, test 0.25; generated and fixture code is never taken on (it is
 *     regenerated, or deliberately bad input of tests);</li>
 *     <li>deliverability factor: 200 when a mechanical fix exists for the rule on a Java file, or ruff's fix for
 *     the rule is safe on a Python file, or it is an undefined name (F821) the project may define or positional
 *     arguments of a {@code re} function (B034) (asked of
 *     {@link MechanicalFixes}, so every fix kind added there counts), 2 when a language model is configured (it may
 *     write a verified patch), 1 when only a person can make the change;</li>
 *     <li>hotspot factor, from the newest architecture row: 1 to 2 (see {@link LatestAnalysis#hotspotFactor}).</li>
 * </ul>
 * The mechanical factor (200) is the largest severity ratio (critical 5 / info 0.1 = 50) times the largest defect
 * ratio (2) times the largest hotspot factor (2): a finding the worker can fix in main code comes before every finding
 * of main code it cannot fix (an info piece of advice ties only with a critical defect in the top hotspot, and the tie
 * goes to the critical one), because a
 * cycle that ends in a verified patch is what the worker is for; among what it cannot fix, severity and hotspots
 * decide. {@link TaskPicker} tries the fix before it takes such a finding on.
 */
@Component
public class TaskPriority {

    static final double MECHANICAL = 200;
    static final double MODEL = 2;
    static final double BY_HAND = 1;

    /** Who can deliver the change of a finding. */
    public enum Delivery {
        /** A mechanical fix exists for the rule: the worker writes and verifies the patch itself. */
        MECHANICAL,
        /** No mechanical fix, but a language model is configured and may write a verified patch. */
        MODEL,
        /** Only a person can make the change: the plan says what they must decide. */
        BY_HAND;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Predicate<String> mechanicalRule;
    /** Whether a finding of a rule in a file gets a mechanical patch (Java: PMD rules; Python: ruff's safe fixes). */
    private final BiPredicate<String, String> mechanicalIn;
    private final boolean modelConfigured;

    @Autowired
    public TaskPriority(MechanicalFixes fixes, LlmProperties llm) {
        this(fixes::supports, fixes::supports, llm.isEnabled());
    }

    /** @param mechanicalRule whether a mechanical fix exists for a rule (of a Java file) */
    public TaskPriority(Predicate<String> mechanicalRule, boolean modelConfigured) {
        this(mechanicalRule, (rule, file) -> file.endsWith(".java") && mechanicalRule.test(rule), modelConfigured);
    }

    private TaskPriority(Predicate<String> mechanicalRule, BiPredicate<String, String> mechanicalIn,
                         boolean modelConfigured) {
        this.mechanicalRule = mechanicalRule;
        this.mechanicalIn = mechanicalIn;
        this.modelConfigured = modelConfigured;
    }

    /** Severity and hotspot only: what a caller without the fixes and the model settings can weigh. */
    static TaskPriority withoutDeliverability() {
        return new TaskPriority(rule -> false, false);
    }

    /** False for generated and fixture code, which the worker never changes. */
    public static boolean takesOn(Finding finding) {
        return scopeFactor(finding.scopeOrMain()) > 0;
    }

    public static double scopeFactor(Scope scope) {
        return switch (scope) {
            case MAIN -> 1;
            case BUILD -> 0.5;
            case TEST -> 0.25;
            case FIXTURE, GENERATED -> 0;
        };
    }

    public boolean hasMechanicalFix(String rule) {
        return mechanicalRule.test(rule);
    }

    public Delivery delivery(Finding finding) {
        if (finding.file() != null && mechanicalIn.test(finding.rule(), finding.file())) {
            return Delivery.MECHANICAL;
        }
        return modelConfigured && finding.file() != null ? Delivery.MODEL : Delivery.BY_HAND;
    }

    /** Who delivers a finding whose mechanical fix refuses: the model when one is configured, else a person. */
    public Delivery withoutMechanicalFix() {
        return modelConfigured ? Delivery.MODEL : Delivery.BY_HAND;
    }

    public static double deliverabilityFactor(Delivery delivery) {
        return switch (delivery) {
            case MECHANICAL -> MECHANICAL;
            case MODEL -> MODEL;
            case BY_HAND -> BY_HAND;
        };
    }

    /** 2 for a likely defect, 1 for maintainability advice (the finding groups' split, {@link FindingGroup}). */
    public static double defectFactor(Finding finding) {
        return FindingGroup.isDefectCategory(finding.category()) ? 2 : 1;
    }

    /** The finding's priority, rounded to 4 decimals. */
    public double of(Finding finding, double hotspotFactor) {
        double priority = SeverityWeights.of(finding.severity()) * defectFactor(finding) * scopeFactor(finding.scopeOrMain())
                * deliverabilityFactor(delivery(finding)) * hotspotFactor;
        return Math.round(priority * 10_000) / 10_000.0;
    }
}
