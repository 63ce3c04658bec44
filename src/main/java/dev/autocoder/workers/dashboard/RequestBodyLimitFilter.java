package dev.autocoder.workers.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Bounds every request body before anything reads it: Camel's platform-http reads a whole body into memory
 * before the route runs, on every path. A declared length over the limit is answered 413 at once; a body without
 * a length (chunked) is read up to one byte past the limit, refused if it goes past, else handed on from memory.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final int CONTENT_TOO_LARGE = 413;

    private final int limit;

    RequestBodyLimitFilter(DashboardProperties properties) {
        this.limit = Math.toIntExact(properties.getMaxRequestBody().toBytes());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                refuse(response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        PlainAnswer.send(response, CONTENT_TOO_LARGE,
                "Request body larger than " + limit + " bytes (autocoder.dashboard.max-request-body).");
    }
}
