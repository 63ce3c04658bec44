package dev.autocoder.workers.testsupport;

/**
 * Cross-origin requests from a page in a browser (the static dashboard Space, served from another origin). The Hub
 * echoes the request's {@code Origin} in {@code Access-Control-Allow-Origin}, and answers a preflight with the
 * method and headers asked for and no {@code Access-Control-Max-Age} (the headers shown in hub-docs issue #1889:
 * {@code access-control-allow-headers: authorization}, {@code access-control-allow-methods: GET},
 * {@code access-control-allow-origin: http://localhost:8080}). Headers the Hub may also expose to scripts
 * (Link, X-Repo-Commit) are not confirmed, so the fake exposes none beyond the CORS-safelisted ones.
 */
final class FakeHubCors {

    private FakeHubCors() {
    }

    /** The answer to a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method), or null. */
    static FakeHubResponse preflight(FakeHubExchange exchange) {
        String origin = exchange.header("Origin");
        String method = exchange.header("Access-Control-Request-Method");
        if (!exchange.method.equals("OPTIONS") || origin == null || method == null) {
            return null;
        }
        FakeHubResponse answer = FakeHubResponse.empty(204)
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", method);
        String headers = exchange.header("Access-Control-Request-Headers");
        if (headers != null) {
            answer.header("Access-Control-Allow-Headers", headers);
        }
        return answer;
    }

    /** Lets the calling page read the answer: every Hub answer to a request with an Origin carries it back. */
    static void allowOrigin(FakeHubExchange exchange, FakeHubResponse response) {
        String origin = exchange.header("Origin");
        if (origin != null && response != FakeHubResponse.DROP) {
            response.header("Access-Control-Allow-Origin", origin);
        }
    }
}
