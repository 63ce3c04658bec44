package dev.autocoder.workers.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.CommandLineOptions;
import dev.autocoder.workers.hub.HubClient;
import dev.autocoder.workers.hub.HubProperties;
import dev.autocoder.workers.hub.HubException;
import dev.autocoder.workers.row.Row;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code java -jar autocoder-workers-exec.jar gate --dataset <local store path or owner/name on the Hub>
 * [--target <repository>] [--new-code branch:main|commit:<sha>|days:30] [--conditions <file.yaml>]
 * [--format text|json|sarif] [--endpoint https://huggingface.co]}: prints the quality gate and the new findings, and
 * exits 0 when it passed, 1 when it failed, 2 when it cannot tell (or the command was used wrongly). A Hub token, when
 * a private dataset needs one, comes from HF_TOKEN, never from the command line.
 */
public final class GateCommand {

    public static final String NAME = "gate";

    private GateCommand() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = CommandLineOptions.parse(args, Set.of()).values();
        } catch (CommandLineOptions.UnexpectedArgument e) {
            err.println("Unexpected argument '" + e.getMessage() + "'.\n" + usage());
            return 2;
        }
        String dataset = options.get("dataset");
        String format = options.getOrDefault("format", "text");
        if (dataset == null || dataset.isBlank() || !List.of("text", "json", "sarif").contains(format)) {
            err.println("--dataset is required; --format is text, json or sarif.\n" + usage());
            return 2;
        }
        ObjectMapper mapper = AutocoderJson.newObjectMapper();
        try {
            List<GateCondition> conditions = GateConditions.of(null,
                    options.containsKey("conditions") ? Path.of(options.get("conditions")) : null);
            NewCodeSetting setting = NewCodeSetting.parse(options.get("new-code"));
            AnalysisHistory history = new AnalysisHistory();
            rows(dataset, options, environment, mapper, history::add);
            GateEvaluator evaluator = new GateEvaluator(conditions, setting, Clock.systemUTC(), mapper);
            Path target = Path.of(options.getOrDefault("target", "."));
            Optional<GitHistory> git = GitHistory.open(target);
            GateReport report;
            try {
                report = evaluator.evaluate(history, git.orElse(null));
            } finally {
                git.ifPresent(GitHistory::close);
            }
            print(report, format, mapper, out);
            return report.status().exitCode();
        } catch (IllegalArgumentException | IOException | UncheckedIOException | HubException e) {
            err.println("Cannot tell the gate: " + new SecretRedactor().redact(String.valueOf(e.getMessage())));
            return 2;
        }
    }

    /** Hands the dataset's rows to the action one at a time: a long history never is in memory at once. */
    private static void rows(String dataset, Map<String, String> options, Map<String, String> environment,
                             ObjectMapper mapper, Consumer<Row> action) throws IOException {
        Path local = Path.of(dataset);
        if (Files.exists(local)) {
            Path folder = GateRows.localDataset(local);
            if (folder == null) {
                throw new IllegalArgumentException(dataset + " is neither a dataset folder (with data/) nor a store holding one "
                        + GateRows.DATASET);
            }
            GateRows.local(folder, mapper, action);
            return;
        }
        if (!dataset.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("no local folder " + dataset + ", and it is not an owner/name on the Hub");
        }
        String endpoint = options.getOrDefault("endpoint", environment.getOrDefault("HF_ENDPOINT", "https://huggingface.co"));
        String token = environment.get("HF_TOKEN");
        HubProperties settings = new HubProperties();
        settings.setEndpoint(URI.create(endpoint.replaceAll("/$", "")));
        settings.setToken(token == null || token.isBlank() ? null : token.strip());
        settings.setRequestTimeout(Duration.ofSeconds(60));
        HubClient client = new HubClient(settings, null, mapper);
        GateRows.hub(client, dataset, mapper, action);
    }

    static void print(GateReport report, String format, ObjectMapper mapper, PrintStream out) throws IOException {
        switch (format) {
            case "json" -> out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            case "sarif" -> out.println(mapper.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new SarifLog(mapper, new SecretRedactor(), version()).of(report)));
            default -> out.print(GateText.of(report));
        }
    }

    public static String version() {
        String version = GateCommand.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static String usage() {
        return "Usage: java -jar autocoder-workers-exec.jar " + NAME
                + " --dataset <local store path or owner/autocoder-analysis-results> [--target <repository, default .>]"
                + " [--new-code branch:<name>|commit:<sha>|days:<n>] [--conditions <file.yaml>] [--format text|json|sarif]"
                + " [--endpoint https://huggingface.co]\nExit code: 0 passed, 1 failed, 2 cannot tell.";
    }
}
