package dev.autocoder.workers.analysis.dependencies;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pip requirements file ({@code requirements*.txt}): one PEP 508 requirement per logical line (a trailing
 * backslash continues it). Comments, options ({@code -r}, {@code -c}, {@code -e}, {@code --index-url}, per-line
 * {@code --hash}) and bare URLs or paths are not named dependencies and are skipped.
 */
final class RequirementsParser {

    private static final Pattern OPTION = Pattern.compile("\\s--?[A-Za-z]");
    private static final Pattern DIRECT_REFERENCE =
            Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*\\s*(?:\\[[^\\]]*])?\\s*@.*");

    private RequirementsParser() {
    }

    static List<Dependency> parse(String manifest, String text) {
        List<Dependency> result = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            StringBuilder logical = new StringBuilder(lines.get(i));
            while (endsWithContinuation(logical) && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(' ').append(lines.get(++i));
            }
            String requirement = requirementOf(logical.toString());
            if (requirement != null) {
                Dependency dependency = PythonRequirement.parse(requirement, manifest, line, "requirements");
                if (dependency != null) {
                    result.add(dependency);
                }
            }
        }
        return result;
    }

    private static boolean endsWithContinuation(StringBuilder line) {
        return line.length() > 0 && line.charAt(line.length() - 1) == '\\';
    }

    /** The requirement part of a logical line, or null for blank lines, comments, options, URLs and paths. */
    private static String requirementOf(String line) {
        String text = line;
        int comment = text.indexOf('#');
        // '#' starts a comment at the start of a line or after whitespace (a URL fragment has none before it).
        while (comment > 0 && !Character.isWhitespace(text.charAt(comment - 1))) {
            comment = text.indexOf('#', comment + 1);
        }
        if (comment >= 0) {
            text = text.substring(0, comment);
        }
        Matcher option = OPTION.matcher(text);
        if (option.find()) {
            text = text.substring(0, option.start()); // per-requirement options such as --hash=...
        }
        text = text.strip();
        if (text.isEmpty() || text.startsWith("-") || text.startsWith(".") || text.startsWith("/")
                || (text.contains("://") && !DIRECT_REFERENCE.matcher(text).matches())) {
            return null; // options, paths and bare URLs (e.g. git+https://...#egg=x) name no registry package
        }
        return text;
    }
}
