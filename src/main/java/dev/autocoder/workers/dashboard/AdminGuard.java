package dev.autocoder.workers.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether a state-changing request (start, stop, run now) may proceed. It must run before the route
 * drops the request headers.
 * <ul>
 *   <li>Scripts send {@code Authorization: Bearer <admin token>}; a browser never adds that header to a
 *       cross-site request, so no CSRF token is needed then.</li>
 *   <li>Everything else is treated as a browser form: the Origin (or Referer) must be this server, the form must
 *       carry a valid CSRF token ({@link CsrfTokens}), and the form field {@code token} must hold the admin
 *       token. With no admin token configured, only loopback callers are accepted.</li>
 *   <li>Credentials in the query string are refused: URLs end up in logs and browser history.</li>
 * </ul>
 * Secrets are compared in constant time and never echoed.
 */
@Component("adminGuard")
class AdminGuard {

    static final String TOKEN_FIELD = "token";
    static final String CSRF_FIELD = "_csrf";
    private static final String FORM_CONTENT = "application/x-www-form-urlencoded";

    private final DashboardProperties properties;
    private final CsrfTokens csrf;

    public AdminGuard(DashboardProperties properties, CsrfTokens csrf) {
        this.properties = properties;
        this.csrf = csrf;
    }

    public Caller check(Exchange exchange) {
        Message in = exchange.getIn();
        HttpServletRequest request = in.getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
        if (request == null) {
            return Caller.denied(400, "not an HTTP request", false);
        }
        String contentType = request.getContentType();
        boolean form = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM_CONTENT);
        String query = request.getQueryString();
        if (query != null && (query.contains(TOKEN_FIELD + "=") || query.contains(CSRF_FIELD + "="))) {
            return Caller.denied(400, "credentials in the URL are refused; send them in the form body or the Authorization header", form);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return bearer(authorization);
        }
        if (!sameOrigin(request)) {
            return Caller.denied(403, "cross-origin request refused", form);
        }
        if (!csrf.isValid(in.getHeader(CSRF_FIELD, String.class))) {
            return Caller.denied(403, "missing or expired CSRF token: reload the page and try again", form);
        }
        if (properties.hasAdminToken()) {
            String token = in.getHeader(TOKEN_FIELD, String.class);
            if (token == null || token.isEmpty()) {
                return Caller.denied(401, "the admin token is required", form);
            }
            return Secrets.equalInConstantTime(properties.getAdminToken(), token) ? Caller.allowed(form)
                    : Caller.denied(403, "wrong admin token", form);
        }
        return isLoopback(request.getRemoteAddr()) ? Caller.allowed(form)
                : Caller.denied(403, "no admin token is configured: only callers on this machine may change state", form);
    }

    private Caller bearer(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Caller.denied(401, "use Authorization: Bearer <admin token>", false);
        }
        if (!properties.hasAdminToken()) {
            return Caller.denied(403, "no admin token is configured (autocoder.dashboard.admin-token)", false);
        }
        return Secrets.equalInConstantTime(properties.getAdminToken(), authorization.substring(7).strip())
                ? Caller.allowed(false) : Caller.denied(403, "wrong admin token", false);
    }

    /** The Origin, else the Referer, must name this server (host and port as the request addressed it). */
    static boolean sameOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return authorityMatches(origin, host);
        }
        String referer = request.getHeader("Referer");
        return referer == null || authorityMatches(referer, host);
    }

    private static boolean authorityMatches(String url, String host) {
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(url.strip()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.%]+")) {
            return false;
        }
        try {
            // an IP literal: no name lookup happens
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
