package dev.autocoder.workers.dashboard;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules for state-changing requests, with the caller's address and headers chosen by the test. */
class AdminGuardTest {

    private static final String TOKEN = "correct horse battery staple";

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final CsrfTokens csrf = new CsrfTokens(new MovableClock(Instant.parse("2026-11-24T10:00:00Z")));

    @AfterEach
    void close() throws java.io.IOException {
        camel.close();
    }

    @Test
    void withoutAConfiguredTokenOnlyLoopbackFormsWithACsrfTokenPass() {
        AdminGuard guard = guard(null);
        assertThat(guard.check(form("127.0.0.1", csrf.issue(), null)).allowed()).isTrue();
        assertThat(guard.check(form("::1", csrf.issue(), null)).allowed()).isTrue();
        assertThat(guard.check(form("0:0:0:0:0:0:0:1", csrf.issue(), null)).allowed()).isTrue();

        Caller remote = guard.check(form("203.0.113.7", csrf.issue(), null));
        assertThat(remote.allowed()).isFalse();
        assertThat(remote.status()).isEqualTo(403);
        assertThat(remote.reason()).isEqualTo("no admin token is configured: only callers on this machine may change state");
        assertThat(guard.check(form("10.1.2.3", csrf.issue(), null)).allowed()).isFalse();

        Caller bearer = guard.check(script("127.0.0.1", "Bearer anything"));
        assertThat(bearer.allowed()).isFalse();
        assertThat(bearer.status()).isEqualTo(403);
    }

    @Test
    void aConfiguredTokenIsRequiredFromEveryAddress() {
        AdminGuard guard = guard(TOKEN);
        assertThat(guard.check(script("203.0.113.7", "Bearer " + TOKEN)).allowed()).isTrue();
        assertThat(guard.check(script("127.0.0.1", "bearer " + TOKEN)).allowed()).isTrue();
        assertThat(guard.check(form("203.0.113.7", csrf.issue(), TOKEN)).allowed()).isTrue();

        assertThat(guard.check(script("127.0.0.1", "Bearer wrong")).status()).isEqualTo(403);
        assertThat(guard.check(script("127.0.0.1", "Basic " + TOKEN)).status()).isEqualTo(401);
        Caller missing = guard.check(form("127.0.0.1", csrf.issue(), null));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.form()).isTrue();
        assertThat(guard.check(form("127.0.0.1", csrf.issue(), "wrong")).status()).isEqualTo(403);
    }

    @Test
    void formsNeedAValidCsrfTokenAndTheirOwnOrigin() {
        AdminGuard guard = guard(TOKEN);
        Caller noCsrf = guard.check(form("127.0.0.1", null, TOKEN));
        assertThat(noCsrf.allowed()).isFalse();
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(noCsrf.reason()).contains("CSRF");
        assertThat(guard.check(form("127.0.0.1", "1." + "0".repeat(64), TOKEN)).allowed()).isFalse();

        Exchange crossSite = form("127.0.0.1", csrf.issue(), TOKEN);
        request(crossSite).addHeader("Origin", "https://evil.example");
        assertThat(guard.check(crossSite).reason()).isEqualTo("cross-origin request refused");

        Exchange sameSite = form("127.0.0.1", csrf.issue(), TOKEN);
        request(sameSite).addHeader("Origin", "http://dashboard.local:8080");
        assertThat(guard.check(sameSite).allowed()).isTrue();

        Exchange foreignReferer = form("127.0.0.1", csrf.issue(), TOKEN);
        request(foreignReferer).addHeader("Referer", "http://evil.example/page");
        assertThat(guard.check(foreignReferer).allowed()).isFalse();
    }

    @Test
    void credentialsInTheQueryStringAreRefused() {
        Exchange exchange = form("127.0.0.1", csrf.issue(), TOKEN);
        request(exchange).setQueryString("token=" + TOKEN);
        Caller caller = guard(TOKEN).check(exchange);
        assertThat(caller.status()).isEqualTo(400);
        assertThat(caller.reason()).doesNotContain(TOKEN);
    }

    @Test
    void loopbackMeansTheLoopbackRangeOnly() {
        assertThat(AdminGuard.isLoopback("127.0.0.1")).isTrue();
        assertThat(AdminGuard.isLoopback("127.8.9.10")).isTrue();
        assertThat(AdminGuard.isLoopback("::1")).isTrue();
        assertThat(AdminGuard.isLoopback("192.168.1.10")).isFalse();
        assertThat(AdminGuard.isLoopback("localhost")).isFalse();
        assertThat(AdminGuard.isLoopback(null)).isFalse();
    }

    private AdminGuard guard(String token) {
        DashboardProperties properties = new DashboardProperties();
        properties.setAdminToken(token);
        return new AdminGuard(properties, csrf);
    }

    private Exchange form(String remote, String csrfToken, String token) {
        Exchange exchange = exchange(remote);
        request(exchange).setContentType("application/x-www-form-urlencoded");
        if (csrfToken != null) {
            exchange.getIn().setHeader(AdminGuard.CSRF_FIELD, csrfToken);
        }
        if (token != null) {
            exchange.getIn().setHeader(AdminGuard.TOKEN_FIELD, token);
        }
        return exchange;
    }

    private Exchange script(String remote, String authorization) {
        Exchange exchange = exchange(remote);
        request(exchange).addHeader("Authorization", authorization);
        return exchange;
    }

    private Exchange exchange(String remote) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/workers/analysis/stop");
        request.setRemoteAddr(remote);
        request.addHeader("Host", "dashboard.local:8080");
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(Exchange.HTTP_SERVLET_REQUEST, request);
        return exchange;
    }

    private static MockHttpServletRequest request(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.HTTP_SERVLET_REQUEST, MockHttpServletRequest.class);
    }
}
