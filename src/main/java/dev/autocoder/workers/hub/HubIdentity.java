package dev.autocoder.workers.hub;

import org.springframework.stereotype.Component;

/**
 * Who publishes: {@code HF_USERNAME} when set, else the token's user, asked once (the Hub rate-limits whoami
 * strictly) and remembered.
 */
@Component
public class HubIdentity {

    private final HubProperties properties;
    private final HubClient client;
    private volatile String owner;

    public HubIdentity(HubProperties properties, HubClient client) {
        this.properties = properties;
        this.client = client;
        this.owner = properties.getOwner();
    }

    /** The owner of the datasets; asks the Hub the first time when HF_USERNAME is not set. */
    public String owner() {
        String known = owner;
        if (known == null) {
            synchronized (this) {
                if (owner == null) {
                    owner = client.whoami().name();
                }
                known = owner;
            }
        }
        return known;
    }

    /** The owner if already known, without asking the Hub. */
    public String knownOwner() {
        return owner;
    }

    public String repoId(String dataset) {
        return owner() + "/" + dataset;
    }

    /** The dataset's page on the Hub, when the owner is known. */
    public String datasetUrl(String dataset) {
        String known = owner;
        return known == null ? null : properties.getEndpoint() + "/datasets/" + known + "/" + dataset;
    }
}
