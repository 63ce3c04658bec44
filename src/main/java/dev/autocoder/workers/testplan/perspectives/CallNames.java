package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.testplan.spec.PytestNames;

/**
 * A call as its file's language writes it: Java's {@code new Thread} and {@code Files.write}; in Python
 * {@code threading.Thread}, {@code os.path.isfile} (a module's function with its module, as it is called) and
 * {@code HTTPSConnection.connect} (a method with its class), {@code open}.
 */
final class CallNames {

    private CallNames() {
    }

    static String of(MethodRef caller, Invocation call) {
        String type = call.type();
        if (!PytestNames.isPython(caller.file().path()) || type == null) {
            return call.shortName();
        }
        // a builtin as it is called: open(path), dict(), str.join
        String owner = type.equals("builtins") ? ""
                : type.startsWith("builtins.") ? type.substring("builtins.".length()) : type;
        if (owner.isEmpty()) {
            return call.method();
        }
        String[] parts = owner.split("\\.");
        String last = parts[parts.length - 1];
        if (call.creation()) {
            return parts.length > 1 ? parts[parts.length - 2] + "." + last : last;
        }
        boolean ofAClass = !last.isEmpty() && Character.isUpperCase(last.charAt(0));
        return (ofAClass ? last : owner) + "." + call.method();
    }
}
