package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.worker.Severity;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The base score of a CVSS v3.0/v3.1 vector ({@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H} = 9.8), by
 * the specification's formula (https://www.first.org/cvss/v3.1/specification-document, section 7.1), and the
 * qualitative rating of a score (section 5).
 */
final class CvssV3 {

    private CvssV3() {
    }

    static OptionalDouble baseScore(String vector) {
        if (vector == null || !vector.startsWith("CVSS:3.")) {
            return OptionalDouble.empty();
        }
        Map<String, String> metrics = new HashMap<>();
        String[] parts = vector.split("/");
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split(":", 2);
            if (pair.length == 2) {
                metrics.put(pair[0], pair[1]);
            }
        }
        try {
            boolean changed = scope(metrics.get("S"));
            double av = weight(metrics.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
            double ac = weight(metrics.get("AC"), "L", 0.77, "H", 0.44);
            double pr = changed ? weight(metrics.get("PR"), "N", 0.85, "L", 0.68, "H", 0.5)
                    : weight(metrics.get("PR"), "N", 0.85, "L", 0.62, "H", 0.27);
            double ui = weight(metrics.get("UI"), "N", 0.85, "R", 0.62);
            double c = impact(metrics.get("C"));
            double in = impact(metrics.get("I"));
            double a = impact(metrics.get("A"));
            double iss = 1 - (1 - c) * (1 - in) * (1 - a);
            double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
            double exploitability = 8.22 * av * ac * pr * ui;
            if (impact <= 0) {
                return OptionalDouble.of(0);
            }
            double sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
            return OptionalDouble.of(roundUp(Math.min(sum, 10)));
        } catch (IllegalArgumentException e) {
            return OptionalDouble.empty();
        }
    }

    /** None is info, 0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10.0 critical. */
    static Severity rating(double score) {
        if (score >= 9.0) {
            return Severity.CRITICAL;
        }
        if (score >= 7.0) {
            return Severity.HIGH;
        }
        if (score >= 4.0) {
            return Severity.MEDIUM;
        }
        return score > 0 ? Severity.LOW : Severity.INFO;
    }

    private static boolean scope(String value) {
        if ("U".equals(value)) {
            return false;
        }
        if ("C".equals(value)) {
            return true;
        }
        throw new IllegalArgumentException("scope");
    }

    private static double impact(String value) {
        return weight(value, "H", 0.56, "L", 0.22, "N", 0.0);
    }

    private static double weight(String value, Object... table) {
        for (int i = 0; i < table.length; i += 2) {
            if (table[i].equals(value)) {
                return (double) table[i + 1];
            }
        }
        throw new IllegalArgumentException("metric value " + value);
    }

    /** The specification's Roundup: the smallest one-decimal number not below the input, float-safe. */
    static double roundUp(double value) {
        long scaled = Math.round(value * 100000);
        return scaled % 10000 == 0 ? scaled / 100000.0 : (Math.floor(scaled / 10000.0) + 1) / 10.0;
    }
}
