package fixtures;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

class SafeCommandExecution {

    private static final String GIT = "git";

    void literals() throws IOException {
        Runtime.getRuntime().exec("git status");
        Runtime.getRuntime().exec(new String[] {GIT, "log", "--oneline"});
        new ProcessBuilder("git", "status").start();
        new ProcessBuilder(List.of("git", "fetch")).start();
        new ProcessBuilder(Arrays.asList(GIT, "pull")).start();
    }

    void constantLocals() throws IOException {
        String[] command = {"git", "gc"};
        Runtime.getRuntime().exec(command);
        ProcessBuilder builder = new ProcessBuilder();
        builder.command("git", "version");
        List<String> current = builder.command();
    }

    void environmentAndDirectoryAreNotTheCommand(String[] environment, java.io.File directory) throws IOException {
        Runtime.getRuntime().exec("git status", environment, directory);
    }
}
