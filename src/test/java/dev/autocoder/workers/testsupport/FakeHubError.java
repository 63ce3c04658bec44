package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer, thrown by a handler. {@code violation} marks a request that broke the documented protocol
 * (it is recorded in {@link FakeHub#violations()}); other errors (a wrong token, a missing repo, a stale parent)
 * are ordinary Hub answers a correct client must handle.
 */
final class FakeHubError extends RuntimeException {

    static final String INVALID_CREDENTIALS = "Invalid credentials in Authorization header";

    final int status;
    final boolean violation;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private ObjectNode body;

    private FakeHubError(int status, String message, boolean violation) {
        super(message, null, false, false);
        this.status = status;
        this.violation = violation;
    }

    /** 400 for a request that does not follow the protocol. */
    static FakeHubError malformed(String message) {
        return new FakeHubError(400, message, true);
    }

    /** A protocol violation answered with another status (401 without a token, 413, 405...). */
    static FakeHubError violation(int status, String message) {
        return new FakeHubError(status, message, true);
    }

    /** An ordinary error answer of the Hub. */
    static FakeHubError of(int status, String message) {
        return new FakeHubError(status, message, false);
    }

    /** 404 with the Hub's X-Error-Code (RepoNotFound, RevisionNotFound, EntryNotFound). */
    static FakeHubError notFound(String errorCode, String message) {
        return of(404, message).header("X-Error-Code", errorCode).header("X-Error-Message", message);
    }

    static FakeHubError invalidCredentials() {
        return of(401, INVALID_CREDENTIALS).header("X-Error-Message", INVALID_CREDENTIALS);
    }

    FakeHubError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Replaces the default {"error": message} body. */
    FakeHubError body(ObjectNode body) {
        this.body = body;
        return this;
    }

    FakeHubResponse toResponse() {
        ObjectNode json = body != null ? body : FakeHubFormats.JSON.createObjectNode().put("error", getMessage());
        FakeHubResponse response = FakeHubResponse.json(status, json);
        headers.forEach(response::header);
        return response;
    }
}
