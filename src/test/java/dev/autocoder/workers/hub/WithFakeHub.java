package dev.autocoder.workers.hub;

import dev.autocoder.workers.testsupport.FakeHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static dev.autocoder.workers.hub.HubTestApp.TOKEN;
import static dev.autocoder.workers.hub.HubTestApp.USER;

/** Tests against a fresh FakeHub that knows the test user ({@link HubTestApp#USER}, {@link HubTestApp#TOKEN}). */
abstract class WithFakeHub {

    FakeHub hub;

    @BeforeEach
    void startHub() {
        hub = FakeHub.start();
        hub.addUser(USER, TOKEN, false);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }
}
