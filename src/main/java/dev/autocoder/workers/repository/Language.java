package dev.autocoder.workers.repository;

import java.util.Locale;

/** The language of a file in the inventory, from its name. */
public enum Language {
    JAVA, KOTLIN, GROOVY, SCALA, JAVASCRIPT, TYPESCRIPT, PYTHON, GO, RUST, C, CPP, CSHARP, RUBY, PHP, SHELL,
    XML, HTML, CSS, JSON, YAML, TOML, PROPERTIES, SQL, MARKDOWN, TEXT, OTHER;

    public static Language of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.equals("dockerfile") || name.equals("makefile") || name.equals("jenkinsfile")) {
            return OTHER;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "java" -> JAVA;
            case "kt", "kts" -> KOTLIN;
            case "groovy", "gradle" -> GROOVY;
            case "scala" -> SCALA;
            case "js", "mjs", "cjs", "jsx" -> JAVASCRIPT;
            case "ts", "tsx" -> TYPESCRIPT;
            case "py" -> PYTHON;
            case "go" -> GO;
            case "rs" -> RUST;
            case "c", "h" -> C;
            case "cc", "cpp", "cxx", "hpp", "hh" -> CPP;
            case "cs" -> CSHARP;
            case "rb" -> RUBY;
            case "php" -> PHP;
            case "sh", "bash" -> SHELL;
            case "xml", "xsd", "pom" -> XML;
            case "html", "htm" -> HTML;
            case "css", "scss" -> CSS;
            case "json" -> JSON;
            case "yaml", "yml" -> YAML;
            case "toml" -> TOML;
            case "properties" -> PROPERTIES;
            case "sql" -> SQL;
            case "md", "markdown" -> MARKDOWN;
            case "txt", "cfg", "conf", "ini", "env" -> TEXT;
            default -> OTHER;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
