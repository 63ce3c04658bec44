package dev.autocoder.workers.repository;

import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.autocoder.workers.repository.PomXml.child;
import static dev.autocoder.workers.repository.PomXml.children;
import static dev.autocoder.workers.repository.PomXml.text;

/**
 * The Java level a Maven module compiles with, as the maven-compiler-plugin takes it: {@code <release>} wins over
 * {@code <source>}, a plugin configuration over the {@code maven.compiler.release} / {@code maven.compiler.source}
 * property, a module's pom over its parents'. The parents are the pom.xml files of the enclosing folders (Maven's
 * default {@code relativePath}); {@code ${...}} is resolved with the properties of that chain. A Spring Boot
 * starter parent passes {@code java.version} to {@code maven.compiler.release}, so that property counts too.
 */
final class MavenCompilerLevel {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final String COMPILER_PLUGIN = "maven-compiler-plugin";

    private final Path root;
    private final Map<String, Pom> poms = new HashMap<>();

    MavenCompilerLevel(Path root) {
        this.root = root;
    }

    /** The level of the module whose pom chain (outermost first) is given; empty when none of them declares one. */
    Optional<JavaLanguageLevel> level(List<String> chain) {
        Map<String, Declaration> properties = new HashMap<>();
        Declaration pluginRelease = null;
        Declaration pluginSource = null;
        boolean springBootParent = false;
        for (String path : chain) {
            Pom pom = poms.computeIfAbsent(path, this::read);
            properties.putAll(pom.properties);
            pluginRelease = pom.pluginRelease == null ? pluginRelease : pom.pluginRelease;
            pluginSource = pom.pluginSource == null ? pluginSource : pom.pluginSource;
            springBootParent |= pom.springBootParent;
        }
        Declaration chosen = first(pluginRelease, properties.get("maven.compiler.release"), pluginSource,
                properties.get("maven.compiler.source"),
                springBootParent ? properties.get("java.version") : null);
        if (chosen == null) {
            return Optional.empty();
        }
        String value = resolve(chosen.value, properties);
        String source = chosen.where + (chosen.value.equals(value) ? "" : " = " + chosen.value);
        return Optional.of(JavaLanguageLevel.of(value, source));
    }

    /**
     * A property as the module whose pom chain (outermost first) is given sees it, {@code ${...}} resolved, with the
     * pom that declares it; empty when none of them does.
     */
    Optional<Declaration> property(List<String> chain, String name) {
        Map<String, Declaration> properties = new HashMap<>();
        for (String path : chain) {
            properties.putAll(poms.computeIfAbsent(path, this::read).properties);
        }
        Declaration declared = properties.get(name);
        return declared == null ? Optional.empty()
                : Optional.of(new Declaration(resolve(declared.value, properties), declared.where));
    }

    private static Declaration first(Declaration... declarations) {
        for (Declaration declaration : declarations) {
            if (declaration != null) {
                return declaration;
            }
        }
        return null;
    }

    private static String resolve(String value, Map<String, Declaration> properties) {
        String resolved = value;
        for (int depth = 0; depth < 10 && resolved.contains("${"); depth++) {
            Matcher reference = PROPERTY.matcher(resolved);
            StringBuilder next = new StringBuilder();
            while (reference.find()) {
                Declaration property = properties.get(reference.group(1));
                reference.appendReplacement(next, Matcher.quoteReplacement(
                        property == null ? reference.group() : property.value));
            }
            reference.appendTail(next);
            if (next.toString().equals(resolved)) {
                break;
            }
            resolved = next.toString();
        }
        return resolved.strip();
    }

    private Pom read(String path) {
        try {
            return Pom.of(path, PomXml.project(root.resolve(path)));
        } catch (Exception e) {
            // a pom that does not parse declares nothing; the enclosing poms or the default apply
            return new Pom(Map.of(), null, null, false);
        }
    }

    /** A declared value and where: "{pom path}: {element}". */
    record Declaration(String value, String where) {
    }

    private record Pom(Map<String, Declaration> properties, Declaration pluginRelease, Declaration pluginSource,
                       boolean springBootParent) {

        static Pom of(String path, Element project) {
            Map<String, Declaration> properties = new LinkedHashMap<>();
            for (Element property : children(child(project, "properties"))) {
                properties.put(property.getTagName(),
                        new Declaration(property.getTextContent().strip(), path + ": " + property.getTagName()));
            }
            Element parent = child(project, "parent");
            boolean springBoot = "org.springframework.boot".equals(text(child(parent, "groupId")))
                    && "spring-boot-starter-parent".equals(text(child(parent, "artifactId")));
            Element build = child(project, "build");
            List<Element> plugins = new ArrayList<>(children(child(build, "plugins")));
            plugins.addAll(children(child(child(build, "pluginManagement"), "plugins")));
            Declaration release = null;
            Declaration source = null;
            for (Element plugin : plugins) {
                if (COMPILER_PLUGIN.equals(text(child(plugin, "artifactId")))) {
                    Element configuration = child(plugin, "configuration");
                    release = release == null ? declaration(configuration, "release", path) : release;
                    source = source == null ? declaration(configuration, "source", path) : source;
                }
            }
            return new Pom(properties, release, source, springBoot);
        }

        private static Declaration declaration(Element configuration, String name, String path) {
            String value = text(child(configuration, name));
            return value == null || value.isBlank() ? null
                    : new Declaration(value.strip(), path + ": " + COMPILER_PLUGIN + " <" + name + ">");
        }
    }
}
