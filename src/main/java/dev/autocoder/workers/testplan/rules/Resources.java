package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.Param;
import dev.autocoder.workers.javamodel.ProjectCalls;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Calls that open something the caller must close. */
public final class Resources {

    private static final Set<String> CREATED = Set.of("java.io.FileInputStream", "java.io.FileOutputStream",
            "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile", "java.net.Socket", "java.net.ServerSocket",
            "java.io.ObjectInputStream", "java.io.ObjectOutputStream", "java.util.zip.ZipFile",
            "java.util.jar.JarFile");

    private static final Set<String> OPENED_BY = Set.of("java.sql.DriverManager.getConnection", "javax.sql.DataSource.getConnection",
            "java.sql.Connection.createStatement", "java.sql.Connection.prepareStatement", "java.sql.Statement.executeQuery",
            "java.sql.PreparedStatement.executeQuery", "java.nio.file.Files.newInputStream", "java.nio.file.Files.newOutputStream",
            "java.nio.file.Files.newBufferedReader", "java.nio.file.Files.newBufferedWriter", "java.nio.file.Files.lines",
            "java.nio.file.Files.list", "java.nio.file.Files.walk", "java.net.URL.openStream");

    /** Object streams written around an in-memory stream: closing them releases nothing. */
    private static final Pattern OVER_MEMORY = Pattern.compile(
            "new (java\\.io\\.)?Object(Input|Output)Stream\\(\\s*new (java\\.io\\.)?ByteArray(Input|Output)Stream\\(");

    private Resources() {
    }

    public static boolean isOpened(Invocation call) {
        if (call.type() == null) {
            return false;
        }
        if (call.creation()) {
            // commons-lang3's new ObjectOutputStream(new ByteArrayOutputStream()): a buffer, no file or socket
            return CREATED.contains(call.type()) && !OVER_MEMORY.matcher(call.text()).lookingAt();
        }
        return OPENED_BY.contains(call.type() + "." + call.method());
    }

    /**
     * The call, in {@code ref}, opens a resource that nothing closes: not a try-with-resources resource, not owned
     * locally, not handed to a project method that closes it, and not wrapped in another resource the call list
     * holds ({@code new ObjectOutputStream(new FileOutputStream(f))}), whose own leak is the one to report.
     */
    public static boolean leaks(MethodRef ref, Invocation call, ProjectCalls calls) {
        return isOpened(call) && !call.inResourceSpec() && !call.closedLocally() && !closedByCallee(ref, call, calls)
                && !wrappedInAnotherResource(ref, call);
    }

    private static boolean wrappedInAnotherResource(MethodRef ref, Invocation call) {
        for (String handoff : call.handedTo()) {
            Invocation receiver = ref.method().invocations().get(Integer.parseInt(handoff.split(":")[0]));
            if (receiver.creation() && isOpened(receiver)) {
                return true;
            }
        }
        return false;
    }

    /** The resource, opened in {@code ref}, is handed to a project method that closes the parameter it arrives in. */
    public static boolean closedByCallee(MethodRef ref, Invocation resource, ProjectCalls calls) {
        for (String handoff : resource.handedTo()) {
            String[] parts = handoff.split(":");
            Invocation receiver = ref.method().invocations().get(Integer.parseInt(parts[0]));
            int position = Integer.parseInt(parts[1]);
            for (MethodRef callee : calls.targets(ref, receiver)) {
                List<Param> params = callee.method().params();
                if (position < params.size() && callee.method().closedParams().contains(params.get(position).name())) {
                    return true;
                }
            }
        }
        return false;
    }
}
