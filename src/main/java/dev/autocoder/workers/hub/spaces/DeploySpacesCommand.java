package dev.autocoder.workers.hub.spaces;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.CommandLineOptions;
import dev.autocoder.workers.hub.HubClient;
import dev.autocoder.workers.hub.HubException;
import dev.autocoder.workers.hub.HubProperties;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar autocoder-workers-exec.jar deploy-spaces --owner <user> --target-git-url <url> [--target-branch b]
 * [--endpoint https://huggingface.co] [--source .] [--private]}, or with {@code --static-dashboard} (and no target)
 * only the free static dashboard Space. The token comes from the HF_TOKEN environment variable, never from the
 * command line, where other users of the machine could see it.
 */
public final class DeploySpacesCommand {

    public static final String NAME = "deploy-spaces";

    private DeploySpacesCommand() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLineOptions parsed;
        try {
            parsed = CommandLineOptions.parse(args, Set.of("--private", "--static-dashboard"));
        } catch (CommandLineOptions.UnexpectedArgument e) {
            err.println("Unexpected argument '" + e.getMessage() + "'.\n" + usage());
            return 2;
        }
        Map<String, String> options = parsed.values();
        boolean privateSpaces = parsed.flags().contains("--private");
        boolean staticDashboard = parsed.flags().contains("--static-dashboard");
        String token = environment.get("HF_TOKEN");
        if (token == null || token.isBlank()) {
            err.println("Set HF_TOKEN to a Hugging Face token with write access.\n" + usage());
            return 2;
        }
        String owner = options.getOrDefault("owner", environment.get("HF_USERNAME"));
        if (staticDashboard) {
            return deployStaticDashboard(options, owner, privateSpaces, token.strip(), out, err);
        }
        String target = options.get("target-git-url");
        if (owner == null || owner.isBlank() || target == null || target.isBlank()) {
            err.println("--owner (or HF_USERNAME) and --target-git-url are required.\n" + usage());
            return 2;
        }
        ObjectMapper json = AutocoderJson.newObjectMapper();
        SpacesDeployer deployer = new SpacesDeployer(client(options, token.strip(), json), out, json);
        try {
            deployer.deploy(new SpacesDeployer.Request(owner, token.strip(), Path.of(options.getOrDefault("source", ".")),
                    target, options.get("target-branch"), privateSpaces));
            out.println("Deployed. The Spaces build their images now; each shows its progress on its page.");
            return 0;
        } catch (SpacesDeployer.DeployException | HubException e) {
            err.println("Deployment stopped: " + e.getMessage());
            return 1;
        }
    }

    private static int deployStaticDashboard(Map<String, String> options, String owner, boolean privateSpace, String token,
                                             PrintStream out, PrintStream err) {
        if (owner == null || owner.isBlank()) {
            err.println("--owner (or HF_USERNAME) is required: the owner of the datasets and of the Space.\n" + usage());
            return 2;
        }
        ObjectMapper json = AutocoderJson.newObjectMapper();
        try {
            new SpacesDeployer(client(options, token, json), out, json).deployStaticDashboard(owner, Path.of(options.getOrDefault("source", ".")), privateSpace);
            out.println("Deployed. The Hub serves the page as it is; it reads the public datasets of " + owner + ".");
            return 0;
        } catch (SpacesDeployer.DeployException | HubException e) {
            err.println("Deployment stopped: " + e.getMessage());
            return 1;
        }
    }

    private static HubClient client(Map<String, String> options, String token, ObjectMapper json) {
        HubProperties settings = new HubProperties();
        settings.setEndpoint(URI.create(options.getOrDefault("endpoint", "https://huggingface.co").replaceAll("/$", "")));
        settings.setToken(token);
        // uploads of the build files are larger than the rows' requests
        settings.setRequestTimeout(Duration.ofSeconds(60));
        return new HubClient(settings, null, json);
    }

    static String usage() {
        return "Usage: HF_TOKEN=hf_... java -jar autocoder-workers-exec.jar " + NAME
                + " --owner <user-or-org> --target-git-url <https://github.com/...> [--target-branch <branch>]"
                + " [--endpoint https://huggingface.co] [--source <repository root>] [--private]\n"
                + "   or: HF_TOKEN=hf_... java -jar autocoder-workers-exec.jar " + NAME
                + " --static-dashboard --owner <user-or-org> [--endpoint https://huggingface.co] [--source <repository root>] [--private]";
    }
}
