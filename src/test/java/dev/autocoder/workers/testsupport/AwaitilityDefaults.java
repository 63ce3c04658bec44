package dev.autocoder.workers.testsupport;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.time.Duration;

/**
 * Awaitility's defaults for the whole suite, set once per test JVM when JUnit opens its launcher session
 * (registered in META-INF/services): the first check at once instead of after 100 ms, then every 50 ms, so a
 * condition that already holds or holds soon costs no idle wait. An await that polls something costly (a Kafka
 * consumer, a child JVM's health) still sets its own poll interval.
 */
public class AwaitilityDefaults implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(50));
    }
}
