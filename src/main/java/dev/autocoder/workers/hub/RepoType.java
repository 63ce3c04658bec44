package dev.autocoder.workers.hub;

/** The kinds of Hub repository, with how each appears in API paths and in file URLs. */
public enum RepoType {
    DATASET("dataset", "datasets/"),
    SPACE("space", "spaces/"),
    MODEL("model", "");

    private final String id;
    private final String urlPrefix;

    RepoType(String id, String urlPrefix) {
        this.id = id;
        this.urlPrefix = urlPrefix;
    }

    /** The type as the create call names it: dataset, space, model. */
    public String id() {
        return id;
    }

    /** The plural of API paths: {@code /api/datasets/...}. */
    public String apiPath() {
        return id + "s";
    }

    /** The prefix of non-API paths (resolve, LFS): {@code datasets/}, {@code spaces/}, nothing for models. */
    public String urlPrefix() {
        return urlPrefix;
    }
}
