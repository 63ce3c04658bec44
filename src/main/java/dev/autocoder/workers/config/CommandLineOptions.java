package dev.autocoder.workers.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A command's {@code --name value} and {@code --name=value} options and its bare {@code --flag}s, the way every
 * command-line tool of this application reads them.
 *
 * @param values the options with a value, by name without the dashes
 * @param flags  the flags given, of those the command knows, with their dashes
 */
public record CommandLineOptions(Map<String, String> values, Set<String> flags) {

    /** An argument that is neither an option nor a flag the command knows; the message is the argument. */
    public static final class UnexpectedArgument extends IllegalArgumentException {
        UnexpectedArgument(String argument) {
            super(argument);
        }
    }

    public static CommandLineOptions parse(String[] args, Set<String> knownFlags) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (knownFlags.contains(arg)) {
                flags.add(arg);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new UnexpectedArgument(arg);
            }
        }
        return new CommandLineOptions(values, flags);
    }
}
