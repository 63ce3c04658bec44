package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.testsupport.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request-limit and Host settings: defaults, and a bad value stops start-up with one message naming the key. */
class DashboardSettingsTest {

    @TempDir
    Path temp;

    @Test
    void defaultsAreSmallAndLoopbackOnly() {
        DashboardProperties properties = new DashboardProperties();
        assertThat(properties.getMaxRequestBody()).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(properties.getAllowedHosts()).isEmpty();
        properties.setAllowedHosts(List.of(" Dashboard.LAN ", "", "[::1]", "10.0.0.7"));
        assertThat(properties.getAllowedHosts()).containsExactly("dashboard.lan", "[::1]", "10.0.0.7");
        TrustedHosts hosts = new TrustedHosts(properties.getAllowedHosts());
        assertThat(hosts.isTrusted("DASHBOARD.lan.")).isTrue();
        assertThat(hosts.isTrusted("127.0.0.1.nip.io")).isFalse();
        assertThat(hosts.isTrusted("::ffff:127.0.0.1")).isTrue();
        assertThat(hosts.isTrusted("0x7f.0.0.1")).isFalse();
    }

    @Test
    void badValuesNameTheKey() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.dashboard.max-request-body", "100B")))
                .satisfies(e -> assertThat(rootOf(e).getMessage())
                        .isEqualTo("autocoder.dashboard.max-request-body: must be from 1KB to 16MB, not 100B"));
        assertThatThrownBy(() -> App.start(properties("autocoder.dashboard.allowed-hosts", "localhost,https://dash.example:8080")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).isEqualTo("autocoder.dashboard.allowed-hosts: "
                        + "'https://dash.example:8080' is not a host name or IP address (no scheme, port or path)"));
    }

    private Map<String, Object> properties(String key, String value) throws Exception {
        Map<String, Object> properties = App.fastWorkerProperties(Files.createDirectories(temp.resolve("repo")), temp.resolve("store"));
        properties.put("autocoder.workers.enabled", "none");
        properties.put(key, value);
        return properties;
    }

    private static Throwable rootOf(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
