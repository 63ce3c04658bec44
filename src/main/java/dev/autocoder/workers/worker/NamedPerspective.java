package dev.autocoder.workers.worker;

/** A perspective whose worker, id and name are fixed when it is made: the base of every worker's perspectives. */
public abstract class NamedPerspective implements Perspective {

    private final String worker;
    private final String id;
    private final String name;

    protected NamedPerspective(String worker, String id, String name) {
        this.worker = worker;
        this.id = id;
        this.name = name;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String worker() {
        return worker;
    }
}
