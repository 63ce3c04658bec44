package dev.autocoder.workers.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.Principal;

/**
 * Gives the actuator's requests a principal when the caller is on this machine (a loopback address that also
 * addressed a loopback Host, so a rebound page does not count) or sends {@code Authorization: Bearer <admin
 * token>}. With {@code management.endpoint.health.show-details=when-authorized}, only they see the health
 * details (paths, disk sizes); anyone else sees the status alone.
 */
final class LocalOrAdminPrincipalFilter extends OncePerRequestFilter {

    private static final Principal LOCAL = () -> "local-caller";
    private static final Principal ADMIN = () -> "admin";

    private final DashboardProperties properties;

    LocalOrAdminPrincipalFilter(DashboardProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal principal = isAdmin(request) ? ADMIN
                : AdminGuard.isLoopback(request.getRemoteAddr()) && TrustedHosts.isLoopbackHost(request.getServerName()) ? LOCAL
                : null;
        chain.doFilter(principal == null ? request : new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }
        }, response);
    }

    private boolean isAdmin(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return properties.hasAdminToken() && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && Secrets.equalInConstantTime(properties.getAdminToken(), authorization.substring(7).strip());
    }
}
