package dev.autocoder.workers.repository;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetIdsTest {

    @Test
    void anIdIsAReadableSlugAndAShortHashOfTheLocation() {
        String id = TargetIds.of("https://github.com/Acme/Order_Service.git", null);
        assertThat(id).matches("order-service-[0-9a-f]{8}");
        assertThat(TargetIds.of("https://github.com/Acme/Order_Service.git", null)).isEqualTo(id);
        assertThat(TargetIds.of("https://github.com/other/Order_Service.git", null)).isNotEqualTo(id)
                .startsWith("order-service-");
        assertThat(TargetIds.of("https://github.com/Acme/Order_Service.git", "release/1.x")).matches("order-service-release-1-x-[0-9a-f]{8}");
        assertThat(TargetIds.of("/srv/repos/alpha/", null)).isEqualTo(TargetIds.of("/srv/repos/alpha", null)).startsWith("alpha-");
        assertThat(TargetIds.of("/", null)).matches("target-[0-9a-f]{8}");
        assertThat(TargetIds.isWellFormed(id)).isTrue();
        assertThat(TargetIds.isWellFormed("../x")).isFalse();
    }
}
