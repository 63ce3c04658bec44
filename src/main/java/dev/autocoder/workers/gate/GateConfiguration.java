package dev.autocoder.workers.gate;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** New code and the quality gate: its settings, the analysis rows' gate columns, the panel and the meter (the API is the dashboard's GateApi). */
@Configuration(proxyBeanMethods = false)
@Import({GateProperties.class, QualityGate.class, GateColumns.class, GatePanel.class, GateMeters.class})
public class GateConfiguration {
}
