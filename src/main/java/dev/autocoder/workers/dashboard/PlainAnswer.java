package dev.autocoder.workers.dashboard;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A short plain-text refusal from a filter, never cached; the connection is closed after it. */
final class PlainAnswer {

    private PlainAnswer() {
    }

    static void send(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // whatever the client still sends is not read: close rather than drain it
        response.setHeader("Connection", "close");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
