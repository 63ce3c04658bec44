package dev.autocoder.workers.dataset;

import dev.autocoder.workers.row.Row;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The failure handling of each consumer of a stored row (the {@code row-to-*} routes of
 * routes/worker-template.yaml): the row is already on disk, so a consumer that fails loses nothing but its own
 * view of that row; it is logged at ERROR with the dataset and the row and counted in
 * {@code autocoder.row.consumer.failures} [autocoder_row_consumer_failures_total], tags consumer, dataset.
 */
@Component("rowConsumerFailures")
class RowConsumerFailures {

    private static final Logger log = LoggerFactory.getLogger(RowConsumerFailures.class);

    private final MeterRegistry meters;

    RowConsumerFailures(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters.getIfAvailable();
    }

    public void failed(String consumer, Exchange exchange) {
        String dataset = exchange.getProperty("dataset", String.class);
        Row row = exchange.getMessage().getBody(Row.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        log.error("Row consumer {} failed on row {} #{} of dataset {}; the row stays stored, the other consumers go on",
                consumer, row == null ? "?" : row.worker(), row == null ? "?" : row.iteration(), dataset, failure);
        if (meters != null) {
            Counter.builder("autocoder.row.consumer.failures")
                    .description("Consumers of a stored row (dashboard, meters, Hub outbox, progress ledger) that failed on it")
                    .tags("consumer", consumer, "dataset", dataset == null ? "unknown" : dataset)
                    .register(meters).increment();
        }
    }
}
