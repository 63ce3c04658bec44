package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CvssScoreTest {

    /**
     * The v3 ones are well-known published scores (9.8 for the classic unauthenticated RCE vector, 6.1 for
     * reflected XSS, ...); the low one is worked by hand: 6.42 × 0.22 + 8.22 × 0.55 × 0.44 × 0.27 × 0.62 = 1.745 → 1.8.
     * The v2 ones are the CVSS v2 guide's worked examples (CVE-2002-0392 7.8, CVE-2003-0818 10.0, CVE-2003-0062
     * 6.2); the v4 ones are FIRST's calculator results (9.3 for the network RCE vector without subsequent-system
     * impact, CVE-2022-41741's local vector 8.5, 10.0 with every impact high).
     */
    @ParameterizedTest
    @CsvSource({
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5, HIGH",
            "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H, 7.2, HIGH",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1, MEDIUM",
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0, CRITICAL",
            "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N, 1.8, LOW",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0, INFO",
            "AV:N/AC:L/Au:N/C:N/I:N/A:C, 7.8, HIGH",
            "AV:N/AC:L/Au:N/C:C/I:C/A:C, 10.0, HIGH",
            "AV:L/AC:H/Au:N/C:C/I:C/A:C, 6.2, MEDIUM",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.3, CRITICAL",
            "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 8.5, HIGH",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H, 10.0, CRITICAL"})
    void scoresAndRatesVectors(String vector, double score, Severity severity) {
        assertThat(CvssScore.of(vector)).contains(new CvssScore(score, severity));
    }

    @Test
    void rejectsIncompleteOrUnknownVectors() {
        assertThat(CvssScore.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")).isEmpty();
        assertThat(CvssScore.of("CVSS:4.0/AV:N/AC:L/AT:N/PR:N")).isEmpty();
        assertThat(CvssScore.of("AV:N/AC:L/Au:N")).isEmpty();
        assertThat(CvssScore.of("HIGH")).isEmpty();
        assertThat(CvssScore.of(null)).isEmpty();
    }
}
