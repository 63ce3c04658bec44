package dev.autocoder.workers.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code autocoder.*} setting, typed, so a malformed value stops start-up with Spring's message naming
 * the key. Cross-field checks (target exists, perspective ids known) happen at start-up in the config package.
 */
@ConfigurationProperties("autocoder")
public class AutocoderProperties {

    private final Target target = new Target();
    private final Store store = new Store();
    private final Workers workers = new Workers();
    private final Analysis analysis = new Analysis();
    private final Testplan testplan = new Testplan();
    private final Implementation implementation = new Implementation();
    private final Python python = new Python();
    /** Many repositories in one process; empty (and no targets-file) for the single target of {@code autocoder.target.*}. */
    private List<TargetEntry> targets = new ArrayList<>();
    /** A YAML file with a {@code targets:} list in the same shape, re-read when it changes. */
    private Path targetsFile;
    private final Fleet fleet = new Fleet();

    public Target getTarget() {
        return target;
    }

    public Store getStore() {
        return store;
    }

    public Workers getWorkers() {
        return workers;
    }

    public Analysis getAnalysis() {
        return analysis;
    }

    public Testplan getTestplan() {
        return testplan;
    }

    public Implementation getImplementation() {
        return implementation;
    }

    public Python getPython() {
        return python;
    }

    public List<TargetEntry> getTargets() {
        return targets;
    }

    public void setTargets(List<TargetEntry> targets) {
        this.targets = targets;
    }

    public Path getTargetsFile() {
        return targetsFile;
    }

    public void setTargetsFile(Path targetsFile) {
        this.targetsFile = targetsFile;
    }

    public Fleet getFleet() {
        return fleet;
    }

    /** Where a target's code comes from: a local folder, or a git URL that JGit clones into a work folder. */
    public abstract static class TargetSource {
        /** Local folder to analyze. */
        private Path path;
        /** Remote repository to clone with JGit and fetch before each iteration. */
        private String gitUrl;
        /** Branch of git-url; the remote's default branch when empty. */
        private String branch;
        /** Where git-url is cloned. */
        private Path workDir;

        TargetSource(Path path, Path workDir) {
            this.path = path;
            this.workDir = workDir;
        }

        public Path getPath() {
            return path;
        }

        public void setPath(Path path) {
            this.path = path;
        }

        public String getGitUrl() {
            return gitUrl;
        }

        public void setGitUrl(String gitUrl) {
            this.gitUrl = gitUrl == null || gitUrl.isBlank() ? null : gitUrl.strip();
        }

        public String getBranch() {
            return branch;
        }

        public void setBranch(String branch) {
            this.branch = branch == null || branch.isBlank() ? null : branch.strip();
        }

        public Path getWorkDir() {
            return workDir;
        }

        public void setWorkDir(Path workDir) {
            this.workDir = workDir;
        }

        /** The git URL without its user info, which may hold a token: for logs and messages. */
        String safeGitUrl() {
            return gitUrl == null ? null : gitUrl.replaceAll("//[^/@]*@", "//");
        }
    }

    /**
     * One repository of a list of targets ({@code autocoder.targets[n].*} or an entry of the targets file): a local
     * folder or a git URL (exactly one of path and git-url; a git URL is cloned into work-dir, by default
     * {@code .autocoder/checkouts/{target_id}}), with optional perspectives and periods of its own. The token is never
     * written here: only the name of the environment variable or property that holds it.
     */
    public static class TargetEntry extends TargetSource {
        /** Name of the environment variable or property holding the token for an HTTPS git-url, e.g. GITHUB_TOKEN. */
        private String tokenRef;
        /** Worker id to comma-separated perspective ids, e.g. {@code analysis: code-quality,security}; the worker's own when absent. */
        private java.util.Map<String, String> perspectives = new java.util.LinkedHashMap<>();
        /** Worker id to period (60s, 2m, ...); the worker's own when absent. */
        private java.util.Map<String, String> periods = new java.util.LinkedHashMap<>();

        public TargetEntry() {
            super(null, null);
        }

        public String getTokenRef() {
            return tokenRef;
        }

        public void setTokenRef(String tokenRef) {
            this.tokenRef = tokenRef == null || tokenRef.isBlank() ? null : tokenRef.strip();
        }

        public java.util.Map<String, String> getPerspectives() {
            return perspectives;
        }

        public void setPerspectives(java.util.Map<String, String> perspectives) {
            this.perspectives = perspectives;
        }

        public java.util.Map<String, String> getPeriods() {
            return periods;
        }

        public void setPeriods(java.util.Map<String, String> periods) {
            this.periods = periods;
        }

        @Override
        public String toString() {
            return "TargetEntry[path=" + getPath() + ", gitUrl=" + safeGitUrl() + ", branch=" + getBranch() + ", tokenRef=" + tokenRef + "]";
        }
    }

    /** How a process that runs a list of targets shares itself among them. */
    public static class Fleet {
        /** Iterations of different targets run on this many threads at most (one bounded pool for all targets). */
        private int threads = 2;
        /** How often the fleet dispatcher looks for (worker, target) pairs that are due, and at the targets file. */
        private Duration tick = Duration.ofSeconds(1);
        /** Targets whose snapshot caches stay in memory; the least recently used beyond this are evicted. */
        private int maxCachedTargets = 16;

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public Duration getTick() {
            return tick;
        }

        public void setTick(Duration tick) {
            this.tick = tick;
        }

        public int getMaxCachedTargets() {
            return maxCachedTargets;
        }

        public void setMaxCachedTargets(int maxCachedTargets) {
            this.maxCachedTargets = maxCachedTargets;
        }
    }

    /** The external tools Python targets are analyzed with: ruff for the rules, the interpreter for the {@code ast} model. */
    public static class Python {
        /**
         * The ruff CLI: a name looked up on the PATH or a path (a relative one resolves against the working
         * folder); the native ruff or bin/ruff-wasm, which speak the same JSON.
         */
        private String ruffPath = "ruff";
        /** The Python 3 interpreter (a name on the PATH or a path); the model helper needs 3.8 or newer. */
        private String interpreter = "python3";

        public String getRuffPath() {
            return ruffPath;
        }

        public void setRuffPath(String ruffPath) {
            this.ruffPath = ruffPath;
        }

        public String getInterpreter() {
            return interpreter;
        }

        public void setInterpreter(String interpreter) {
            this.interpreter = interpreter;
        }
    }

    /**
     * The repository under analysis: a local folder (by default the current one), or a git URL cloned into
     * {@code work-dir} (by default {@code .autocoder/checkout}); the folder is ignored when a git URL is set.
     */
    public static class Target extends TargetSource {
        /** Token for an HTTPS git-url; never logged or published. */
        private String gitToken;

        public Target() {
            super(Path.of("."), Path.of(".autocoder", "checkout"));
        }

        public String getGitToken() {
            return gitToken;
        }

        public void setGitToken(String gitToken) {
            this.gitToken = gitToken == null || gitToken.isBlank() ? null : gitToken;
        }

        @Override
        public String toString() {
            return "Target[path=" + getPath() + ", gitUrl=" + safeGitUrl() + ", branch=" + getBranch() + ", gitToken="
                    + (gitToken == null ? "none" : "***") + "]";
        }
    }

    /** The embedded dataset store. */
    public static class Store {
        /** Root folder; datasets live under {@code {path}/{owner}/{dataset}/data/}. */
        private Path path = Path.of(".autocoder", "datasets");
        /** Namespace folder, the Hub user or organisation the datasets belong to. */
        private String owner = "local";
        /** A data file is closed and a new one started beyond this size. */
        private DataSize maxFileSize = DataSize.ofMegabytes(64);
        /**
         * How long rows are kept, counted back from the newest row of the same target ({@code store-retention} route);
         * 0 keeps every row. Rows not yet on the Hub and the implementation worker's rows are always kept.
         */
        private String retention = "15d";
        /** How often the {@code store-retention} route runs; its timer reads the text itself. */
        private String retentionCheck = "1h";
        /** When the {@code store-retention} route first runs after start-up. */
        private String retentionDelay = "2m";

        public Path getPath() {
            return path;
        }

        public void setPath(Path path) {
            this.path = path;
        }

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        public DataSize getMaxFileSize() {
            return maxFileSize;
        }

        public String getRetention() {
            return retention;
        }

        public void setRetention(String retention) {
            DurationSetting.toMillis("autocoder.store.retention", retention);
            this.retention = retention;
        }

        public String getRetentionCheck() {
            return retentionCheck;
        }

        public void setRetentionCheck(String retentionCheck) {
            if (DurationSetting.toMillis("autocoder.store.retention-check", retentionCheck) <= 0) {
                throw new InvalidConfigurationException("autocoder.store.retention-check", "must be longer than 0");
            }
            this.retentionCheck = retentionCheck;
        }

        public String getRetentionDelay() {
            return retentionDelay;
        }

        public void setRetentionDelay(String retentionDelay) {
            DurationSetting.toMillis("autocoder.store.retention-delay", retentionDelay);
            this.retentionDelay = retentionDelay;
        }

        public void setMaxFileSize(DataSize maxFileSize) {
            this.maxFileSize = maxFileSize;
        }
    }

    /** Which workers run in this process and how often. */
    public static class Workers {
        /** Worker ids that run in this process; empty means every worker that exists. */
        private List<String> enabled = new ArrayList<>();
        private final WorkerSettings analysis = new WorkerSettings();
        /** Bound from {@code autocoder.workers.test-planning.*}. */
        private final WorkerSettings testPlanning = new WorkerSettings();
        /** Bound from {@code autocoder.workers.implementation.*}. */
        private final WorkerSettings implementation = new WorkerSettings();

        public List<String> getEnabled() {
            return enabled;
        }

        public void setEnabled(List<String> enabled) {
            this.enabled = enabled;
        }

        public WorkerSettings getAnalysis() {
            return analysis;
        }

        public WorkerSettings getTestPlanning() {
            return testPlanning;
        }

        public WorkerSettings getImplementation() {
            return implementation;
        }
    }

    /**
     * One worker's cadence and rotation as configured. Unset values fall back to the defaults written in
     * {@code routes/workers.yaml}; the raw text is kept because the YAML route passes it to Camel's scheduler.
     */
    public static class WorkerSettings {
        /** Time between iterations, e.g. 60s, 2m, 1m30s, or milliseconds. */
        private String period;
        /** Time before the first tick. */
        private String delay;
        /**
         * Longest time the first iteration waits for the analysis worker's first row (test-planning and
         * implementation; the route's maxWait).
         */
        private String analysisWait;
        /** Perspective ids in rotation order. */
        private List<String> perspectives;

        public String getPeriod() {
            return period;
        }

        public void setPeriod(String period) {
            this.period = period;
        }

        public String getDelay() {
            return delay;
        }

        public void setDelay(String delay) {
            this.delay = delay;
        }

        public String getAnalysisWait() {
            return analysisWait;
        }

        public void setAnalysisWait(String analysisWait) {
            this.analysisWait = analysisWait;
        }

        public List<String> getPerspectives() {
            return perspectives;
        }

        public void setPerspectives(List<String> perspectives) {
            this.perspectives = perspectives;
        }
    }

    /** Settings of the analysis engines. */
    public static class Analysis {
        /** A PMD ruleset file of the user's own; the curated built-in ruleset when empty. */
        private Path pmdRuleset;
        /**
         * A severity table (same format as the shipped severity/pmd-java.tsv) that overrides and extends the
         * shipped one; without it a user's ruleset keeps its PMD priorities.
         */
        private Path severityFile;
        /**
         * Also run the PMD rules the curated ruleset leaves out because they cost much more than they find
         * (docs/perspectives.md); no effect with a ruleset of your own.
         */
        private boolean pmdCostlyRules;
        /** Threads PMD may use. */
        private int pmdThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        /** OSV batch query endpoint. */
        private URI osvUrl = URI.create("https://api.osv.dev/v1/querybatch");
        /** Timeout of one OSV request. */
        private Duration osvTimeout = Duration.ofSeconds(20);
        /** Files larger than this are listed but never parsed. */
        private DataSize maxFileSize = DataSize.ofMegabytes(1);
        /**
         * Longest one walk of the target may hold the snapshot lock; a walk past it ends with an error row and the
         * next one goes on from the files already read.
         */
        private Duration inventoryTimeout = Duration.ofMinutes(5);

        /**
         * Time one file may take in one parsing engine (PMD, the test planner's JavaParser model); a file over it is
         * skipped, named in the row, and not retried until its content changes.
         */
        private Duration fileTimeBudget = Duration.ofSeconds(10);
        /** How far back git churn is counted for hotspots. */
        private Duration churnWindow = Duration.ofDays(180);
        /** At most this many findings are written into one row (the highest severities first). */
        private int maxFindingsPerRow = 100;
        /** Minimum duplicated-token run CPD reports. */
        private int cpdMinimumTokens = 100;
        /**
         * Keep PMD's per-file results (violations and the Java model) and CPD's last result on disk under
         * {@code {store}/.state/cache/}, so a restart on an unchanged tree does not analyze it again.
         */
        private boolean diskCache = true;

        public Path getPmdRuleset() {
            return pmdRuleset;
        }

        public void setPmdRuleset(Path pmdRuleset) {
            this.pmdRuleset = pmdRuleset;
        }

        public Path getSeverityFile() {
            return severityFile;
        }

        public void setSeverityFile(Path severityFile) {
            this.severityFile = severityFile;
        }

        public boolean isPmdCostlyRules() {
            return pmdCostlyRules;
        }

        public void setPmdCostlyRules(boolean pmdCostlyRules) {
            this.pmdCostlyRules = pmdCostlyRules;
        }

        public int getPmdThreads() {
            return pmdThreads;
        }

        public void setPmdThreads(int pmdThreads) {
            this.pmdThreads = pmdThreads;
        }

        public URI getOsvUrl() {
            return osvUrl;
        }

        public void setOsvUrl(URI osvUrl) {
            this.osvUrl = osvUrl;
        }

        public Duration getOsvTimeout() {
            return osvTimeout;
        }

        public void setOsvTimeout(Duration osvTimeout) {
            this.osvTimeout = osvTimeout;
        }

        public Duration getFileTimeBudget() {
            return fileTimeBudget;
        }

        public void setFileTimeBudget(Duration fileTimeBudget) {
            this.fileTimeBudget = fileTimeBudget;
        }

        public DataSize getMaxFileSize() {
            return maxFileSize;
        }

        public void setMaxFileSize(DataSize maxFileSize) {
            this.maxFileSize = maxFileSize;
        }

        public Duration getInventoryTimeout() {
            return inventoryTimeout;
        }

        public void setInventoryTimeout(Duration inventoryTimeout) {
            this.inventoryTimeout = inventoryTimeout;
        }

        public Duration getChurnWindow() {
            return churnWindow;
        }

        public void setChurnWindow(Duration churnWindow) {
            this.churnWindow = churnWindow;
        }

        public int getMaxFindingsPerRow() {
            return maxFindingsPerRow;
        }

        public void setMaxFindingsPerRow(int maxFindingsPerRow) {
            this.maxFindingsPerRow = maxFindingsPerRow;
        }

        public int getCpdMinimumTokens() {
            return cpdMinimumTokens;
        }

        public void setCpdMinimumTokens(int cpdMinimumTokens) {
            this.cpdMinimumTokens = cpdMinimumTokens;
        }

        public boolean isDiskCache() {
            return diskCache;
        }

        public void setDiskCache(boolean diskCache) {
            this.diskCache = diskCache;
        }
    }

    /** Settings of the test-planning worker's engines. */
    public static class Testplan {
        /** Where generated JUnit 5 skeletons are written; never inside the target unless configured so. */
        private Path outputDir = Path.of(".autocoder", "test-plans");
        private boolean outputDirConfigured;
        /** The analysis worker's dataset, read for its latest findings. */
        private String analysisDataset = "autocoder-analysis-results";
        /** At most this many items per list of the {@code analysis} column (cumulative counts see all). */
        private int maxItemsPerRow = 200;

        public Path getOutputDir() {
            return outputDir;
        }

        public void setOutputDir(Path outputDir) {
            this.outputDir = outputDir;
            this.outputDirConfigured = true;
        }

        /** True when output-dir was set (a folder inside the target is used only then). */
        public boolean isOutputDirConfigured() {
            return outputDirConfigured;
        }

        public String getAnalysisDataset() {
            return analysisDataset;
        }

        public void setAnalysisDataset(String analysisDataset) {
            this.analysisDataset = analysisDataset;
        }

        public int getMaxItemsPerRow() {
            return maxItemsPerRow;
        }

        public void setMaxItemsPerRow(int maxItemsPerRow) {
            this.maxItemsPerRow = maxItemsPerRow;
        }
    }

    /** Settings of the implementation worker (the optional language model is {@code autocoder.llm.*}). */
    public static class Implementation {
        /** The analysis worker's dataset: tasks are its findings. */
        private String analysisDataset = "autocoder-analysis-results";
        /** The test-planning worker's dataset: its test specifications for the touched methods. */
        private String testPlanningDataset = "autocoder-test-planning-results";
        /** At most this many candidate findings are re-checked at HEAD when a cycle picks its task. */
        private int maxPresenceChecks = 25;
        /** At most this many items per list of the {@code analysis} column (callers, callees, tests, ...). */
        private int maxItemsPerRow = 50;

        public String getAnalysisDataset() {
            return analysisDataset;
        }

        public void setAnalysisDataset(String analysisDataset) {
            this.analysisDataset = analysisDataset;
        }

        public String getTestPlanningDataset() {
            return testPlanningDataset;
        }

        public void setTestPlanningDataset(String testPlanningDataset) {
            this.testPlanningDataset = testPlanningDataset;
        }

        public int getMaxPresenceChecks() {
            return maxPresenceChecks;
        }

        public void setMaxPresenceChecks(int maxPresenceChecks) {
            this.maxPresenceChecks = maxPresenceChecks;
        }

        public int getMaxItemsPerRow() {
            return maxItemsPerRow;
        }

        public void setMaxItemsPerRow(int maxItemsPerRow) {
            this.maxItemsPerRow = maxItemsPerRow;
        }
    }
}
