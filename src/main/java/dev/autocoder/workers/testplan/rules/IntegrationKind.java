package dev.autocoder.workers.testplan.rules;

/** Kinds of calls that leave the process (or make a test non-deterministic), with their risk and test strategy. */
public enum IntegrationKind {
    HTTP("http", "high", "Run against a loopback fake server (e.g. JDK HttpServer or WireMock) that enforces the real "
            + "request format; cover timeouts, 4xx/5xx answers and malformed bodies.", "Stub the HTTP layer with responses or requests-mock (requests), respx (httpx) or a pytest-httpserver on "
            + "loopback that enforces the real request format; cover timeouts, 4xx/5xx answers and malformed bodies."),
    DATABASE("database", "high", "Run against a real database in a container or an embedded one with the production "
            + "schema; cover constraint violations, empty results and rollback.", "Use a real database: sqlite3 \":memory:\" (or a tmp_path file) with the production schema in a pytest "
            + "fixture, testcontainers-python for PostgreSQL/MySQL; cover constraint violations, empty results and rollback."),
    MESSAGING("messaging", "high", "Run against an embedded or containerized broker; cover redelivery, ordering and "
            + "a broker that is down.", "Run against a broker in a container (testcontainers-python) or the client library's fake; cover "
            + "redelivery, ordering and a broker that is down."),
    NETWORK("network", "high", "Open a loopback socket in the test; cover refused connections, timeouts and partial reads.", "Open a loopback socket in a pytest fixture (socket.create_server on port 0); cover refused connections, "
            + "timeouts and partial reads."),
    PROCESS("process", "high", "Wrap the external command behind an interface and fake it in unit tests; one "
            + "integration test runs the real command with a non-zero exit code and stderr output.", "Replace subprocess with monkeypatch or unittest.mock.patch in unit tests (pytest-subprocess fakes "
            + "commands); one test runs the real command with a non-zero exit code and stderr output."),
    FILE_SYSTEM("file-system", "medium", "Use a real temporary folder (JUnit @TempDir); cover missing files, "
            + "unreadable files and a full or read-only folder.", "Use pytest's tmp_path (and monkeypatch.chdir); cover missing files, unreadable files and a "
            + "read-only folder."),
    CONCURRENCY("concurrency", "medium", "Inject the executor and run tasks on a same-thread executor in unit tests; "
            + "one test exercises real threads with a latch and a bounded wait.", "Run the work synchronously in unit tests (an injected executor, or pytest-asyncio for coroutines); "
            + "one test exercises real threads or the event loop with a bounded wait."),
    ENVIRONMENT("environment", "low", "Read the variable once into configuration passed in; tests set the value "
            + "explicitly instead of depending on the machine.", "Set the variable with monkeypatch.setenv/delenv in each test instead of depending on the machine."),
    CLOCK("clock", "low", "Inject a java.time.Clock and use Clock.fixed / an offset clock in tests.", "Freeze time with freezegun or time-machine (or pass the clock in); cover time zones and day boundaries."),
    RANDOMNESS("randomness", "low", "Inject the random source (or its seed) so tests are repeatable.", "Seed or inject the random source (random.Random(seed), numpy's default_rng(seed)) so tests are repeatable.");

    private final String label;
    private final String risk;
    private final String testStrategy;
    private final String pythonTestStrategy;

    IntegrationKind(String label, String risk, String testStrategy, String pythonTestStrategy) {
        this.label = label;
        this.risk = risk;
        this.testStrategy = testStrategy;
        this.pythonTestStrategy = pythonTestStrategy;
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

    /** The strategy with pytest's tools, for a call in a Python file. */
    public String pythonTestStrategy() {
        return pythonTestStrategy;
    }

    /** The strategy in the tools of the file's language ({@code .py}: pytest's). */
    public String testStrategy(String file) {
        return file != null && file.endsWith(".py") ? pythonTestStrategy : testStrategy;
    }

    /** Crosses a process boundary (randomness and concurrency do not, but they make tests flaky). */
    public boolean crossesBoundary() {
        return this != RANDOMNESS && this != CONCURRENCY;
    }
}
