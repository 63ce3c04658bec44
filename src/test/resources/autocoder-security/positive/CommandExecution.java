package fixtures;

import java.io.IOException;
import java.util.List;

class CommandExecution {

    void runtimeWithParameter(String file) throws IOException {
        Runtime.getRuntime().exec("gzip " + file);
    }

    void runtimeWithArray(String file) throws IOException {
        Runtime.getRuntime().exec(new String[] {"gzip", file});
    }

    void processBuilderWithParameter(String file) throws IOException {
        new ProcessBuilder("gzip", file).start();
    }

    void processBuilderWithList(List<String> command) throws IOException {
        new ProcessBuilder(command).start();
    }

    void commandWithReassignedLocal(String userChoice) {
        ProcessBuilder builder = new ProcessBuilder();
        String program = "ls";
        program = userChoice;
        builder.command(program, "-l");
    }

    void runtimeWithField() throws IOException {
        Runtime runtime = Runtime.getRuntime();
        runtime.exec(this.toString());
    }
}
