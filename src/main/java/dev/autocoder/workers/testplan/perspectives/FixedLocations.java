package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.javamodel.Invocation;

import java.util.regex.Pattern;

/**
 * A file-system call on a location fixed in the code: the only kind a test cannot point at its temporary folder.
 * The location is the first argument ({@code Files.exists(…)}, {@code open(…)}), or, for a call without one, the
 * object it is made on ({@code Path("setup.cfg").exists()}); without either it is the working directory
 * ({@code os.listdir()}). Fixed: text written in the code ({@code "/etc/shop"}, {@code "/etc/" + name}), a constant
 * ({@code DEFAULTS}), a path made from those ({@code Path.of("/etc", name)}, {@code os.path.join("/etc", name)}),
 * the user's home or the working directory. A parameter, a field or a local is the caller's (or the model cannot
 * see where it comes from) and is not reported. A new temporary file or folder is a fresh location of its own.
 */
final class FixedLocations {

    /** Text as written; not an f-string, which is made from the values it names. */
    private static final String LITERAL = "[rRbBuU]{0,2}[\"']";
    private static final String CONSTANT = "[A-Z][A-Z0-9_]+\\b(?![a-z])";
    private static final Pattern FIXED = Pattern.compile("(" + LITERAL + "|" + CONSTANT
            + "|(?:Path\\.of|Paths\\.get|new File|(?:pathlib\\.)?Path|PurePath|os\\.path\\.join|os\\.path\\.expanduser)\\(\\s*(?:"
            + LITERAL + "|" + CONSTANT + ")"
            + "|System\\.getProperty\\(|(?:pathlib\\.)?Path\\.(?:home|cwd)\\(|os\\.getcwd\\(|os\\.path\\.expanduser\\().*", Pattern.DOTALL);

    private FixedLocations() {
    }

    static boolean reached(Invocation call) {
        if (call.method().startsWith("createTemp") || call.type() != null && call.type().startsWith("tempfile")) {
            return false;
        }
        String text = call.text();
        int open = openingParenthesis(call);
        if (open < 0) {
            return false;
        }
        String first = text.substring(open + 1).strip();
        if (!first.startsWith(")")) {
            return FIXED.matcher(first).matches();
        }
        int dot = text.lastIndexOf('.', open);
        String receiver = dot < 0 ? "" : text.substring(0, dot).strip();
        // a module's function without a path works on the working directory (os.listdir())
        return receiver.isEmpty() || receiver.equals(call.type()) || FIXED.matcher(receiver).matches();
    }

    /** Where the call's own argument list opens in its text (not a call in its receiver's); -1 without one. */
    static int openingParenthesis(Invocation call) {
        String text = call.text();
        return text.indexOf('(', call.creation() ? 0 : Math.max(0, text.lastIndexOf(call.method() + "(")));
    }
}
