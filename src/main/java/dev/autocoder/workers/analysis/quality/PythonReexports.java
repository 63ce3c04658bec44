package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.pythonmodel.PythonImport;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruff's F401 (unused import) sees one file: {@code from collections.abc import Mapping} in requests' compat.py is
 * unused there, but {@code from .compat import Mapping} in models.py makes it a re-export, which removing would
 * break. A report is a re-export when another module of the project imports the name the statement binds from
 * the reported module (the Python model's imports, relative ones made absolute). Not seen: a name read as an
 * attribute of the module ({@code compat.Mapping}) or taken by a star import.
 */
final class PythonReexports {

    private static final Pattern IMPORTED = Pattern.compile("^`([^`]+)` imported but unused");

    private final Supplier<Map<String, PythonModelProvider.Modelled>> model;
    /** Each module's names that other modules import from it; made at the first question. */
    private Map<String, Set<String>> importedFrom;

    /** The model (by path) is asked for only when an unused import is reported: most snapshots have none. */
    PythonReexports(Supplier<Map<String, PythonModelProvider.Modelled>> model) {
        this.model = model;
    }

    /** Whether ruff's unused-import report at {@code path}:{@code line} names a name another module imports from it. */
    boolean isReexport(String path, int line, String message) {
        Matcher reported = IMPORTED.matcher(message);
        if (!reported.find()) {
            return false;
        }
        Map<String, PythonModelProvider.Modelled> byPath = model.get();
        if (importedFrom == null) {
            index(byPath.values());
        }
        PythonModelProvider.Modelled file = byPath.get(path);
        if (file == null) {
            return false;
        }
        Set<String> taken = importedFrom.getOrDefault(file.module(), Set.of());
        String what = reported.group(1);
        // ruff names a relative import as written (".compat.json"); the model made it absolute
        return file.imports().stream().filter(i -> i.line() <= line)
                .filter(i -> i.qualified().equals(what) || what.startsWith(".") && i.qualified().endsWith(what))
                .anyMatch(i -> taken.contains(i.binding()));
    }

    private void index(Collection<PythonModelProvider.Modelled> files) {
        importedFrom = new HashMap<>();
        for (PythonModelProvider.Modelled file : files) {
            for (PythonImport i : file.imports()) {
                if (i.name() != null && !i.module().equals(file.module())) {
                    importedFrom.computeIfAbsent(i.module(), m -> new HashSet<>()).add(i.name());
                }
            }
        }
    }
}
