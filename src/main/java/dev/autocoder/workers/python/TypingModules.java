package dev.autocoder.workers.python;

import dev.autocoder.workers.pythonmodel.PythonModules;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The project's own modules that hand out the typing module's names, for ruff's {@code lint.typing-modules}. Redis
 * imports {@code Literal} from {@code redis.compat} (which takes it from typing, else from typing_extensions); ruff
 * does not know that name is typing's, reads {@code Literal["LCS"]}'s string as a forward reference and reports
 * {@code LCS} as an undefined name (F821 × 10). A module counts when another module of the project imports from it a
 * name it imports from typing or typing_extensions under that same name.
 * <p>
 * Read from the import statements' text (ruff runs before the Python model); each file's statements are kept by
 * content hash, so a pass reads only files that changed.
 */
final class TypingModules {

    /**
     * {@code from x import a, b as c}, parenthesized over lines or continued with backslashes; each part matches one
     * way only, so a hostile line (thousands of dots) costs linear time.
     */
    private static final Pattern FROM_IMPORT = Pattern.compile(
            "^[ \\t]*from[ \\t]+(\\.*(?:\\w+(?:\\.\\w+)*)?)[ \\t]+import[ \\t]*(\\([^)]*\\)|(?:[^\\n#;\\\\]|\\\\\\r?\\n)*)",
            Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("#[^\\n]*");
    private static final Set<String> TYPING = Set.of("typing", "typing_extensions");

    /**
     * One {@code from} import.
     *
     * @param module   as written, leading dots included
     * @param names    the names taken from the module
     * @param sameName those of them bound under their own name (no {@code as}, or {@code as} the same name)
     */
    record FromImport(String module, Set<String> names, Set<String> sameName) {
    }

    private final Map<String, List<FromImport>> importsByContent = new ConcurrentHashMap<>();

    /** The modules of the snapshot's Python files that other modules take typing's names from, sorted. */
    List<String> of(Snapshot snapshot, List<SourceFile> python) {
        Set<String> paths = python.stream().map(SourceFile::path).collect(Collectors.toSet());
        Map<String, Set<String>> typingNamesByModule = new HashMap<>();
        Map<String, List<FromImport>> importsByModule = new HashMap<>();
        Set<String> hashes = new HashSet<>();
        for (SourceFile file : python) {
            if (!file.isAnalyzableText()) {
                continue;
            }
            hashes.add(file.contentHash());
            List<FromImport> imports = importsByContent.computeIfAbsent(file.contentHash(),
                    hash -> read(snapshot, file));
            String module = PythonModules.moduleName(file.path(), paths);
            String importerPackage = PythonModules.isPackageInit(file.path()) ? module : parent(module);
            List<FromImport> resolved = importsByModule.computeIfAbsent(module, m -> new ArrayList<>());
            for (FromImport found : imports) {
                String target = resolve(found.module(), importerPackage);
                if (target == null) {
                    continue;
                }
                if (TYPING.contains(target)) {
                    typingNamesByModule.computeIfAbsent(module, m -> new HashSet<>()).addAll(found.sameName());
                } else {
                    resolved.add(new FromImport(target, found.names(), found.sameName()));
                }
            }
        }
        importsByContent.keySet().retainAll(hashes);
        Set<String> handOut = new TreeSet<>();
        importsByModule.forEach((importer, imports) -> imports.forEach(found -> {
            Set<String> typingNames = typingNamesByModule.getOrDefault(found.module(), Set.of());
            if (!found.module().equals(importer) && found.names().stream().anyMatch(typingNames::contains)) {
                handOut.add(found.module());
            }
        }));
        return List.copyOf(handOut);
    }

    private static List<FromImport> read(Snapshot snapshot, SourceFile file) {
        String text;
        try {
            text = snapshot.read(file);
        } catch (IOException e) {
            return List.of(); // unreadable now: ruff reports it on its own
        }
        List<FromImport> imports = new ArrayList<>();
        Matcher matcher = FROM_IMPORT.matcher(text);
        while (matcher.find()) {
            String list = COMMENT.matcher(matcher.group(2)).replaceAll("")
                    .replace("(", "").replace(")", "").replace("\\", " ");
            Set<String> names = new HashSet<>();
            Set<String> sameName = new HashSet<>();
            for (String item : list.split(",")) {
                String[] words = item.strip().split("\\s+");
                if (words.length == 1 && !words[0].isEmpty() && !words[0].equals("*")) {
                    names.add(words[0]);
                    sameName.add(words[0]);
                } else if (words.length == 3 && words[1].equals("as")) {
                    names.add(words[0]);
                    if (words[0].equals(words[2])) {
                        sameName.add(words[0]);
                    }
                }
            }
            imports.add(new FromImport(matcher.group(1), Set.copyOf(names), Set.copyOf(sameName)));
        }
        return List.copyOf(imports);
    }

    /** The absolute module a {@code from} names; null for a relative import above the top package. */
    private static String resolve(String written, String importerPackage) {
        int dots = 0;
        while (dots < written.length() && written.charAt(dots) == '.') {
            dots++;
        }
        if (dots == 0) {
            return written;
        }
        String base = importerPackage;
        for (int up = 1; up < dots; up++) {
            if (base.isEmpty()) {
                return null;
            }
            base = parent(base);
        }
        String rest = written.substring(dots);
        return base.isEmpty() ? (rest.isEmpty() ? null : rest) : rest.isEmpty() ? base : base + "." + rest;
    }

    private static String parent(String module) {
        int dot = module.lastIndexOf('.');
        return dot < 0 ? "" : module.substring(0, dot);
    }
}
