package dev.autocoder.workers.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * The dashboard and JSON API: its settings, servlet filters, the beans its routes call, the clock its status rules
 * read, and the "workers" health, which reports the worker conditions those rules decide.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
@Import({
        DashboardFilters.class,
        AdminGuard.class,
        GateApi.class,
        Aggregates.class,
        FleetOverview.class,
        CsrfTokens.class,
        DashboardApi.class,
        DashboardHeaderFilter.class,
        DashboardJson.class,
        DashboardView.class,
        HubRowSource.class,
        Pages.class,
        TargetParameter.class,
        Templates.class,
        WorkerActions.class,
        WorkerControl.class,
        WorkersHealthIndicator.class})
public class DashboardConfiguration {

    /** The time the status rules and CSRF tokens read; a host or a test may bring its own clock. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public Clock clock() {
        return Clock.systemUTC();
    }
}
