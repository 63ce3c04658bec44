package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.row.Severity;
import us.springett.cvss.Cvss;
import us.springett.cvss.CvssV2;

import java.util.Optional;

/**
 * The base score of a CVSS vector and its qualitative rating, computed by {@code us.springett:cvss-calculator}:
 * v2 ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}), v3.0/v3.1 ({@code CVSS:3.1/...}) and v4.0 ({@code CVSS:4.0/...}).
 *
 * @param score    the base score, 0.0 to 10.0
 * @param severity the rating of the score in its own version's scale
 */
record CvssScore(double score, Severity severity) {

    /** Empty for a missing, incomplete or unknown vector. */
    static Optional<CvssScore> of(String vector) {
        if (vector == null || vector.isBlank()) {
            return Optional.empty();
        }
        try {
            Cvss cvss = Cvss.fromVector(vector.strip());
            if (cvss == null) {
                return Optional.empty();
            }
            double score = cvss.calculateScore().getBaseScore();
            return Optional.of(new CvssScore(score, cvss instanceof CvssV2 ? ratingV2(score) : rating(score)));
        } catch (RuntimeException e) {
            return Optional.empty(); // MalformedVectorException and the parser's own index/format errors
        }
    }

    /** v3 and v4 (FIRST): none is info, 0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10.0 critical. */
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

    /** v2 has no critical or none band (NVD): 0.0-3.9 low, 4.0-6.9 medium, 7.0-10.0 high. */
    static Severity ratingV2(double score) {
        if (score >= 7.0) {
            return Severity.HIGH;
        }
        return score >= 4.0 ? Severity.MEDIUM : Severity.LOW;
    }
}
