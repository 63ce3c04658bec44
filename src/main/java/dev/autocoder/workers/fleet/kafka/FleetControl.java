package dev.autocoder.workers.fleet.kafka;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * How far this process has read the control topic (routes/fleet-kafka.yaml: Start and Stop given on any dashboard of
 * the fleet). A process runs no (worker, target) pair before it has read every stop given before it started
 * ({@link KafkaOwnership#owns}), so a pair stopped while a process was down does not run one iteration there.
 */
class FleetControl {

    private final long endAtStart;
    private volatile long read = -1;

    FleetControl(KafkaTopics topics) {
        this.endAtStart = topics.controlEnd();
    }

    /** The last step of every control record the route applies. */
    public void read(Exchange exchange) {
        Long offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
        if (offset != null && offset > read) {
            read = offset;
        }
    }

    /** Every record written to the control topic before start-up has been applied. */
    boolean isReadUp() {
        return read >= endAtStart - 1;
    }
}
