package dev.autocoder.workers.dashboard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet filters in front of every path (Camel's routes, static files, the actuator): they run before
 * Camel's platform-http reads anything. The Host check comes first, then the body limit; the actuator's
 * requests then learn whether the caller is local or the admin.
 */
@Configuration(proxyBeanMethods = false)
class DashboardFilters {

    @Bean
    FilterRegistrationBean<HostCheckFilter> dashboardHostCheck(DashboardProperties properties) {
        return register(new HostCheckFilter(properties), Ordered.HIGHEST_PRECEDENCE, "/*");
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> dashboardRequestBodyLimit(DashboardProperties properties) {
        return register(new RequestBodyLimitFilter(properties), Ordered.HIGHEST_PRECEDENCE + 1, "/*");
    }

    @Bean
    FilterRegistrationBean<LocalOrAdminPrincipalFilter> actuatorCaller(DashboardProperties properties,
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorPath) {
        String base = actuatorPath.endsWith("/") ? actuatorPath.substring(0, actuatorPath.length() - 1) : actuatorPath;
        return register(new LocalOrAdminPrincipalFilter(properties), Ordered.HIGHEST_PRECEDENCE + 2, base + "/*");
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> register(F filter, int order, String path) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        registration.addUrlPatterns(path);
        return registration;
    }
}
