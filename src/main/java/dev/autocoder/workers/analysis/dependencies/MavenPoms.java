package dev.autocoder.workers.analysis.dependencies;

import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputSource;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.io.xpp3.MavenXpp3ReaderEx;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maven poms of one repository, resolved the way Maven builds an effective model as far as the repository
 * itself allows: parents found in the repository (by {@code relativePath}, else by groupId:artifactId),
 * {@code ${...}} properties (inherited project properties and {@code project.*} built-ins of the declaring
 * module), and versions from {@code dependencyManagement} (own, inherited, and imported BOMs that are modules
 * of the repository). What lives outside the repository (a remote parent, a remote BOM) is not fetched: a
 * version or a {@code ${property}} it would supply is {@link VersionState#EXTERNAL}; a property nobody defines
 * while the whole parent chain is in the repository stays {@link VersionState#UNRESOLVED}.
 */
final class MavenPoms {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final int MAX_INTERPOLATION_DEPTH = 10;

    private final Map<String, Model> byPath;
    private final Map<String, String> pathByCoordinates = new TreeMap<>();

    /** @param byPath every pom of the repository that parsed, by repository-relative path */
    MavenPoms(Map<String, Model> byPath) {
        this.byPath = new TreeMap<>(byPath);
        this.byPath.forEach((path, model) -> pathByCoordinates.putIfAbsent(coordinates(model), path));
    }

    /** Parses one pom with line tracking; the error message says where, never what the text was. */
    static Model parse(String path, String text) throws ManifestException {
        try {
            InputSource source = new InputSource();
            source.setLocation(path);
            return new MavenXpp3ReaderEx().read(new StringReader(text), false, source);
        } catch (XmlPullParserException e) {
            throw new ManifestException("XML syntax error at line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    Math.max(0, e.getLineNumber()));
        } catch (IOException | RuntimeException e) {
            throw new ManifestException("unreadable pom (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** groupId:artifactId of every module of the repository: internal, never looked up in public databases. */
    Set<String> moduleCoordinates() {
        return pathByCoordinates.keySet();
    }

    /** The dependencies declared in one pom, with versions resolved in that module's context. */
    List<Dependency> dependencies(String path) {
        Model model = byPath.get(path);
        List<String> chain = ancestry(path);
        Map<String, String> properties = properties(chain);
        Managed managed = managedVersions(chain, properties, new HashSet<>());
        boolean externalParent = externalParent(chain);
        List<Dependency> result = new ArrayList<>();
        for (org.apache.maven.model.Dependency declared : model.getDependencies()) {
            result.add(resolve(path, declared, properties, managed, externalParent));
        }
        return result;
    }

    private Dependency resolve(String path, org.apache.maven.model.Dependency declared, Map<String, String> properties,
                               Managed managed, boolean externalParent) {
        String name = interpolate(declared.getGroupId(), properties) + ":" + interpolate(declared.getArtifactId(), properties);
        String scope = declared.getScope() == null ? "compile" : declared.getScope();
        int line = lineOf(declared);
        String raw = declared.getVersion() != null ? declared.getVersion() : managed.versions.get(name);
        if (raw == null || raw.isBlank()) {
            // A version nobody in the repository supplies: an outside parent or BOM does, or the pom is incomplete.
            VersionState state = externalParent || managed.external ? VersionState.EXTERNAL : VersionState.UNRESOLVED;
            return Dependency.unpinned(Ecosystem.MAVEN, name, state, null, path, line, scope);
        }
        String version = interpolate(raw.strip(), properties);
        if (version.contains("${")) {
            // A parent outside the repository may define the property (an imported BOM never does for this pom).
            VersionState state = externalParent ? VersionState.EXTERNAL : VersionState.UNRESOLVED;
            return Dependency.unpinned(Ecosystem.MAVEN, name, state, raw.strip(), path, line, scope);
        }
        if (version.startsWith("[") || version.startsWith("(") || version.equals("LATEST") || version.equals("RELEASE")) {
            return Dependency.unpinned(Ecosystem.MAVEN, name, VersionState.RANGED, raw.strip(), path, line, scope);
        }
        return Dependency.pinned(Ecosystem.MAVEN, name, version, raw.strip(), path, line, scope);
    }

    private static int lineOf(org.apache.maven.model.Dependency declared) {
        for (String field : List.of("artifactId", "groupId", "")) {
            InputLocation location = declared.getLocation(field);
            if (location != null && location.getLineNumber() > 0) {
                return location.getLineNumber();
            }
        }
        return 0;
    }

    /** The pom itself first, then its parents that are in the repository, nearest first. */
    private List<String> ancestry(String path) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String current = path; current != null && seen.add(current); current = parentPath(current)) {
            chain.add(current);
        }
        return chain;
    }

    private boolean externalParent(List<String> chain) {
        Model top = byPath.get(chain.get(chain.size() - 1));
        return top.getParent() != null;
    }

    /** The in-repository pom a pom's {@code <parent>} names, or null when the parent is not in the repository. */
    private String parentPath(String path) {
        Parent parent = byPath.get(path).getParent();
        if (parent == null) {
            return null;
        }
        String wanted = parent.getGroupId() + ":" + parent.getArtifactId();
        String relative = parent.getRelativePath();
        if (relative != null && !relative.isBlank()) {
            String candidate = normalize(directoryOf(path) + relative.strip());
            if (candidate != null && !candidate.endsWith(".xml")) {
                candidate = (candidate.isEmpty() ? "" : candidate + "/") + "pom.xml";
            }
            Model found = candidate == null ? null : byPath.get(candidate);
            if (found != null && coordinates(found).equals(wanted)) {
                return candidate;
            }
        }
        return pathByCoordinates.get(wanted);
    }

    /** Properties visible to a module: inherited project properties (nearest wins) plus its project.* built-ins. */
    private Map<String, String> properties(List<String> chain) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            byPath.get(chain.get(i)).getProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
        }
        Model model = byPath.get(chain.get(0));
        Parent parent = model.getParent();
        putBuiltIn(properties, "groupId", groupId(model));
        putBuiltIn(properties, "artifactId", model.getArtifactId());
        putBuiltIn(properties, "version", version(model));
        if (parent != null) {
            putBuiltIn(properties, "parent.groupId", parent.getGroupId());
            putBuiltIn(properties, "parent.artifactId", parent.getArtifactId());
            putBuiltIn(properties, "parent.version", parent.getVersion());
        }
        return properties;
    }

    private static void putBuiltIn(Map<String, String> properties, String key, String value) {
        if (value != null) {
            properties.put("project." + key, value);
            properties.put("pom." + key, value);
        }
    }

    private record Managed(Map<String, String> versions, boolean external) {
    }

    /**
     * groupId:artifactId to the raw version text of the effective dependencyManagement: direct entries (the
     * nearest pom wins), then imported BOMs that are modules of the repository where no direct entry exists.
     */
    private Managed managedVersions(List<String> chain, Map<String, String> properties, Set<String> visiting) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (org.apache.maven.model.Dependency entry : managementOf(chain.get(i))) {
                if (!isImport(entry) && entry.getVersion() != null) {
                    String key = interpolate(entry.getGroupId(), properties) + ":" + interpolate(entry.getArtifactId(), properties);
                    versions.put(key, entry.getVersion());
                }
            }
        }
        List<org.apache.maven.model.Dependency> imports = chain.stream()
                .flatMap(path -> managementOf(path).stream()).filter(MavenPoms::isImport).toList();
        boolean external = false;
        for (org.apache.maven.model.Dependency bom : imports) {
            String bomPath = pathByCoordinates.get(interpolate(bom.getGroupId(), properties) + ":" + interpolate(bom.getArtifactId(), properties));
            if (bomPath == null || !visiting.add(bomPath)) {
                external |= bomPath == null;
                continue;
            }
            // An imported BOM is its own effective model: its versions resolve in its own context.
            List<String> bomChain = ancestry(bomPath);
            Map<String, String> bomProperties = properties(bomChain);
            Managed imported = managedVersions(bomChain, bomProperties, visiting);
            imported.versions.forEach((key, raw) -> versions.putIfAbsent(key, interpolate(raw, bomProperties)));
            external |= imported.external;
        }
        return new Managed(versions, external);
    }

    private List<org.apache.maven.model.Dependency> managementOf(String path) {
        DependencyManagement management = byPath.get(path).getDependencyManagement();
        return management == null ? List.of() : management.getDependencies();
    }

    private static boolean isImport(org.apache.maven.model.Dependency entry) {
        return "import".equals(entry.getScope()) && "pom".equals(entry.getType());
    }

    /** Replaces every {@code ${name}} it can, repeatedly for nested properties; the rest stays as written. */
    static String interpolate(String text, Map<String, String> properties) {
        if (text == null) {
            return "";
        }
        String current = text;
        for (int depth = 0; depth < MAX_INTERPOLATION_DEPTH && current.contains("${"); depth++) {
            Matcher matcher = PROPERTY.matcher(current);
            StringBuilder next = new StringBuilder();
            while (matcher.find()) {
                String value = properties.get(matcher.group(1));
                matcher.appendReplacement(next, Matcher.quoteReplacement(value != null ? value : matcher.group()));
            }
            matcher.appendTail(next);
            if (next.toString().equals(current)) {
                break;
            }
            current = next.toString();
        }
        return current;
    }

    private static String coordinates(Model model) {
        return groupId(model) + ":" + model.getArtifactId();
    }

    private static String groupId(Model model) {
        return model.getGroupId() != null ? model.getGroupId()
                : model.getParent() != null ? model.getParent().getGroupId() : null;
    }

    private static String version(Model model) {
        return model.getVersion() != null ? model.getVersion()
                : model.getParent() != null ? model.getParent().getVersion() : null;
    }

    private static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** Resolves {@code .} and {@code ..} segments of a '/'-separated repository path; null when it leaves the repository. */
    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
