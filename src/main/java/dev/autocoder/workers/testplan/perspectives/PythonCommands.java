package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.javamodel.Invocation;

import java.util.Set;

/**
 * How a Python call that runs a command tells that the command failed, as the standard library documents it.
 * Through a shell ({@code os.system}, {@code os.popen}, {@code subprocess.getoutput} and {@code getstatusoutput},
 * {@code shell=True}, {@code asyncio.create_subprocess_shell}) a missing or failing command is an exit status, never
 * an exception; {@code check_call}, {@code check_output} and {@code run(check=True)} raise CalledProcessError; the
 * other {@code subprocess} and {@code os} calls raise OSError when the program cannot be started.
 */
final class PythonCommands {

    private static final Set<String> SHELL_ONLY = Set.of("os.system", "os.popen", "subprocess.getoutput",
            "subprocess.getstatusoutput", "asyncio.create_subprocess_shell");
    private static final Set<String> CHECKED = Set.of("subprocess.check_call", "subprocess.check_output");
    /** Calls that return the exit status (or a result holding it) and raise nothing when the command fails. */
    private static final Set<String> RETURN_STATUS = Set.of("os.system", "subprocess.call", "subprocess.run",
            "subprocess.getstatusoutput", "os.spawnv", "os.spawnvp");

    private PythonCommands() {
    }

    /** What the call raises when its command fails; null when it raises nothing (the failure is an exit status). */
    static String exception(Invocation call) {
        String name = name(call);
        if (checked(name, call)) {
            return "subprocess.CalledProcessError";
        }
        return SHELL_ONLY.contains(name) || "True".equals(call.fact("shell")) ? null : "OSError";
    }

    /**
     * The call returns the command's exit status and its result is dropped (a statement of its own): a failing
     * command goes unnoticed ({@code os.system("cls")}, {@code subprocess.run(cmd)} without {@code check=True}).
     */
    static boolean dropsExitStatus(Invocation call) {
        String name = name(call);
        return call.hasFact("discarded") && RETURN_STATUS.contains(name) && !checked(name, call);
    }

    /** check_call, check_output, or run with a check= that is not False or None: a failing command raises. */
    private static boolean checked(String name, Invocation call) {
        String check = call.fact("check");
        return CHECKED.contains(name)
                || name.equals("subprocess.run") && check != null && !check.equals("False") && !check.equals("None");
    }

    private static String name(Invocation call) {
        return call.type() + "." + call.method();
    }
}
