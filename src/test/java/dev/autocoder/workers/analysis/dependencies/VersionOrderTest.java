package dev.autocoder.workers.analysis.dependencies;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionOrderTest {

    @Test
    void ordersNumericallyWithPreReleasesBeforeReleases() {
        Comparator<String> maven = VersionOrder.of(Ecosystem.MAVEN);
        List<String> versions = new ArrayList<>(List.of("2.9.10", "2.9.9", "2.10.0-rc1", "2.10.0", "2.9.9.1", "2.7.9.6", "2.9.8"));

        versions.sort(maven);

        assertThat(versions).containsExactly("2.7.9.6", "2.9.8", "2.9.9", "2.9.9.1", "2.9.10", "2.10.0-rc1", "2.10.0");
        assertThat(maven.compare("1.0", "1.0.0")).isZero();
        assertThat(maven.compare("31.1-jre", "32.1.2-jre")).isNegative();
    }

    @Test
    void semverRanksEveryPreReleaseBelowItsReleaseAndIgnoresBuildMetadata() {
        List<String> versions = new ArrayList<>(List.of("1.0.0", "1.0.0-next.2", "1.0.0-alpha.1", "0.9.9", "1.0.1-beta", "1.0.0-rc.1"));

        versions.sort(VersionOrder.of(Ecosystem.NPM));

        assertThat(versions).containsExactly("0.9.9", "1.0.0-alpha.1", "1.0.0-rc.1", "1.0.0-next.2", "1.0.0", "1.0.1-beta");
        assertThat(VersionOrder.of(Ecosystem.GO).compare("1.2.3+incompatible", "1.2.3")).isZero();
        // Maven alone ranks an unknown qualifier above the release: the reason for the semver rule.
        assertThat(VersionOrder.of(Ecosystem.MAVEN).compare("1.0.0-next.2", "1.0.0")).isPositive();
    }

    @Test
    void pep440RanksDevReleasesBelowAndPostReleasesAboveTheRelease() {
        List<String> versions = new ArrayList<>(List.of("1.0.post1", "1.0", "1.0rc1", "1.0.dev3", "1.0a2", "1.0b1", "0.9", "1.0b1.dev2", "1.0a0"));

        versions.sort(VersionOrder.of(Ecosystem.PYPI));

        assertThat(versions).containsExactly("0.9", "1.0.dev3", "1.0a0", "1.0a2", "1.0b1.dev2", "1.0b1", "1.0rc1", "1.0", "1.0.post1");
    }
}
