package dev.autocoder.workers.analysis.dependencies;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionOrderTest {

    @Test
    void ordersNumericallyWithPreReleasesBeforeReleases() {
        List<String> versions = new ArrayList<>(List.of("2.9.10", "2.9.9", "2.10.0-rc1", "2.10.0", "2.9.9.1", "2.7.9.6", "2.9.8"));

        versions.sort(VersionOrder.INSTANCE);

        assertThat(versions).containsExactly("2.7.9.6", "2.9.8", "2.9.9", "2.9.9.1", "2.9.10", "2.10.0-rc1", "2.10.0");
        assertThat(VersionOrder.INSTANCE.compare("1.0", "1.0.0")).isZero();
        assertThat(VersionOrder.INSTANCE.compare("31.1-jre", "32.1.2-jre")).isNegative();
    }
}
