package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.worker.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CvssV3Test {

    /**
     * The first five are well-known published scores (9.8 for the classic unauthenticated RCE vector, 6.1 for
     * reflected XSS, ...); the low one is worked by hand: 6.42 × 0.22 + 8.22 × 0.55 × 0.44 × 0.27 × 0.62 = 1.745 → 1.8.
     */
    @ParameterizedTest
    @CsvSource({
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5, HIGH",
            "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H, 7.2, HIGH",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1, MEDIUM",
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0, CRITICAL",
            "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N, 1.8, LOW",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0, INFO"})
    void scoresAndRatesVectors(String vector, double score, Severity severity) {
        assertThat(CvssV3.baseScore(vector)).hasValue(score);
        assertThat(CvssV3.rating(score)).isEqualTo(severity);
    }

    @Test
    void rejectsIncompleteOrOtherVectors() {
        assertThat(CvssV3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")).isEmpty();
        assertThat(CvssV3.baseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).isEmpty();
        assertThat(CvssV3.baseScore("AV:N/AC:L/Au:N/C:P/I:P/A:P")).isEmpty();
        assertThat(CvssV3.baseScore(null)).isEmpty();
    }
}
