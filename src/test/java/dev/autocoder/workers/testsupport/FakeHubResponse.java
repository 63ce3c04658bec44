package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of the fake Hub, built by a handler and written by {@link FakeHub}. */
final class FakeHubResponse {

    /** Close the connection without any response. */
    static final FakeHubResponse DROP = new FakeHubResponse(-1, new byte[0], null);

    final int status;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();

    private FakeHubResponse(int status, byte[] body, String contentType) {
        this.status = status;
        this.body = body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    static FakeHubResponse json(int status, Object value) {
        return json(status, value, "application/json; charset=utf-8");
    }

    static FakeHubResponse json(int status, Object value, String contentType) {
        try {
            return new FakeHubResponse(status, FakeHubFormats.JSON.writeValueAsBytes(value), contentType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("FakeHub answers only JSON trees it built itself", e);
        }
    }

    static FakeHubResponse bytes(int status, byte[] body, String contentType) {
        return new FakeHubResponse(status, body, contentType);
    }

    static FakeHubResponse empty(int status) {
        return new FakeHubResponse(status, new byte[0], null);
    }

    FakeHubResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
