package dev.autocoder.workers.testplan.rules;

/** Kinds of calls that leave the process (or make a test non-deterministic), with their risk and test strategy. */
public enum IntegrationKind {
    HTTP("http", "high", "Run against a loopback fake server (e.g. JDK HttpServer or WireMock) that enforces the real "
            + "request format; cover timeouts, 4xx/5xx answers and malformed bodies."),
    DATABASE("database", "high", "Run against a real database in a container or an embedded one with the production "
            + "schema; cover constraint violations, empty results and rollback."),
    MESSAGING("messaging", "high", "Run against an embedded or containerized broker; cover redelivery, ordering and "
            + "a broker that is down."),
    NETWORK("network", "high", "Open a loopback socket in the test; cover refused connections, timeouts and partial reads."),
    PROCESS("process", "high", "Wrap the external command behind an interface and fake it in unit tests; one "
            + "integration test runs the real command with a non-zero exit code and stderr output."),
    FILE_SYSTEM("file-system", "medium", "Use a real temporary folder (JUnit @TempDir); cover missing files, "
            + "unreadable files and a full or read-only folder."),
    CONCURRENCY("concurrency", "medium", "Inject the executor and run tasks on a same-thread executor in unit tests; "
            + "one test exercises real threads with a latch and a bounded wait."),
    ENVIRONMENT("environment", "low", "Read the variable once into configuration passed in; tests set the value "
            + "explicitly instead of depending on the machine."),
    CLOCK("clock", "low", "Inject a java.time.Clock and use Clock.fixed / an offset clock in tests."),
    RANDOMNESS("randomness", "low", "Inject the random source (or its seed) so tests are repeatable.");

    private final String label;
    private final String risk;
    private final String testStrategy;

    IntegrationKind(String label, String risk, String testStrategy) {
        this.label = label;
        this.risk = risk;
        this.testStrategy = testStrategy;
    }

    public String label() {
        return label;
    }

    public String risk() {
        return risk;
    }

    public String testStrategy() {
        return testStrategy;
    }

    /** Crosses a process boundary (randomness and concurrency do not, but they make tests flaky). */
    public boolean crossesBoundary() {
        return this != RANDOMNESS && this != CONCURRENCY;
    }
}
