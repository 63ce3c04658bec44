package dev.autocoder.workers.dashboard;

import org.apache.camel.http.common.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * Camel's HTTP header filter, except that it lets {@code Cache-Control} out: Camel drops that header from
 * responses by default, and the dashboard's answers must say {@code no-store}. The dashboard's platform-http
 * routes use it: it is the platform-http component's filter ({@code autocoder-app.properties}).
 */
@Component("dashboardHeaderFilter")
class DashboardHeaderFilter extends HttpHeaderFilterStrategy {

    public DashboardHeaderFilter() {
        getOutFilter().remove("cache-control");
    }
}
