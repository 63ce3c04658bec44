package dev.autocoder.workers.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The modules of a snapshot's build: each folder with a {@code pom.xml} or {@code build.gradle(.kts)} is one, and a
 * path belongs to its innermost module. What a module declares (language level, source encoding) is looked up here.
 */
final class BuildModules {

    static final List<String> GRADLE_SCRIPTS = List.of("build.gradle.kts", "build.gradle");

    private BuildModules() {
    }

    /**
     * Module folder ("" for the root, else ending in '/') to the names of its build files; sorted so that a folder
     * comes before the folders inside it.
     */
    static TreeMap<String, List<String>> of(Collection<SourceFile> files) {
        TreeMap<String, List<String>> buildFiles = new TreeMap<>();
        for (SourceFile file : files) {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1);
            if (name.equals("pom.xml") || GRADLE_SCRIPTS.contains(name)) {
                buildFiles.computeIfAbsent(file.path().substring(0, file.path().length() - name.length()),
                        m -> new ArrayList<>()).add(name);
            }
        }
        return buildFiles;
    }

    /** The pom.xml of the module and of each enclosing folder that has one, outermost first. */
    static List<String> pomChain(String module, Map<String, List<String>> buildFiles) {
        List<String> chain = new ArrayList<>();
        buildFiles.forEach((folder, names) -> {
            if (module.startsWith(folder) && names.contains("pom.xml")) {
                chain.add(folder + "pom.xml");
            }
        });
        return chain;
    }

    /** The value of the innermost module strictly enclosing (or equal to, for files) the path; null when none. */
    static <T> T enclosing(Map<String, T> byModule, String path) {
        T value = null;
        int longest = -1;
        for (Map.Entry<String, T> module : byModule.entrySet()) {
            String folder = module.getKey();
            if (folder.length() > longest && path.startsWith(folder) && !path.equals(folder)) {
                value = module.getValue();
                longest = folder.length();
            }
        }
        return value;
    }
}
