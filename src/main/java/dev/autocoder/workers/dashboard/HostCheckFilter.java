package dev.autocoder.workers.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Without an admin token, serves only requests addressed to a trusted Host ({@link TrustedHosts}); others get
 * 421. A browser sends the name it resolved, so a page whose own name was rebound to 127.0.0.1 (DNS rebinding)
 * is refused before it can read a CSRF token or press a control. With an admin token the controls need that
 * secret anyway, and the dashboard may be served under any name.
 */
final class HostCheckFilter extends OncePerRequestFilter {

    static final int MISDIRECTED_REQUEST = 421;

    private final DashboardProperties properties;
    private final TrustedHosts hosts;

    HostCheckFilter(DashboardProperties properties) {
        this.properties = properties;
        this.hosts = new TrustedHosts(properties.getAllowedHosts());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (properties.hasAdminToken() || hosts.isTrusted(request.getServerName())) {
            chain.doFilter(request, response);
            return;
        }
        PlainAnswer.send(response, MISDIRECTED_REQUEST, "This server answers only to localhost and the names in "
                + "autocoder.dashboard.allowed-hosts (or set autocoder.dashboard.admin-token).");
    }
}
