package dev.autocoder.workers;

import dev.autocoder.workers.gate.GateCommand;
import dev.autocoder.workers.hub.spaces.DeploySpacesCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.PropertySource;

/**
 * The Autocoder Workers application: every worker and the dashboard in one process. The beans come from
 * {@link AutocoderAutoConfiguration}, exactly as in a host application. The
 * application's own settings live in {@code autocoder-app.properties}, not {@code application.properties}, so a
 * host that embeds this jar never picks them up; any property source of the user's overrides them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@PropertySource("classpath:autocoder-app.properties")
public class AutocoderApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(DeploySpacesCommand.NAME)) {
            // a one-off command: no Spring context, no workers
            System.exit(DeploySpacesCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                    System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(GateCommand.NAME)) {
            // the CI command: reads a dataset, no Spring context, no workers
            System.exit(GateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                    System.out, System.err));
        }
        SpringApplication.run(AutocoderApplication.class, args);
    }
}
