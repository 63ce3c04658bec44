package dev.autocoder.workers.javamodel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a type name as written in a file to a package-qualified name from the file's imports, without a
 * classpath: explicit imports first, then {@code java.lang}, then a wildcard import whose package holds a type
 * of that name among the JDK and library types the planner knows ({@link #KNOWN}), else the file's own package.
 */
final class TypeNames {

    /** Types the integration and failure tables name; used to pick the package of a wildcard import. */
    static final Set<String> KNOWN = Set.of(
            "java.nio.file.Files", "java.nio.file.Paths", "java.nio.file.Path", "java.io.File", "java.io.FileInputStream",
            "java.io.FileOutputStream", "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile",
            "java.io.ObjectInputStream", "java.io.ObjectOutputStream", "java.io.PrintWriter", "java.io.BufferedReader",
            "java.io.BufferedWriter", "java.io.InputStreamReader", "java.io.OutputStreamWriter",
            "java.net.http.HttpClient", "java.net.HttpURLConnection", "java.net.URL", "java.net.URLConnection",
            "java.net.Socket", "java.net.ServerSocket",
            "java.sql.DriverManager", "java.sql.Connection", "java.sql.Statement", "java.sql.PreparedStatement",
            "java.sql.ResultSet", "javax.sql.DataSource",
            "java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.ZonedDateTime",
            "java.time.OffsetDateTime", "java.time.LocalTime", "java.time.Clock", "java.util.Date",
            "java.util.Random", "java.security.SecureRandom", "java.util.UUID", "java.util.concurrent.ThreadLocalRandom",
            "java.util.concurrent.Executors", "java.util.concurrent.ExecutorService", "java.util.concurrent.CompletableFuture",
            "java.util.List", "java.util.Map", "java.util.Set", "java.util.Collection", "java.util.Optional",
            "java.util.Scanner", "java.util.Properties");

    private static final Set<String> JAVA_LANG = Set.of("String", "Integer", "Long", "Short", "Byte", "Double", "Float",
            "Boolean", "Character", "Object", "System", "Runtime", "Math", "StrictMath", "Thread", "Process",
            "ProcessBuilder", "Class", "ClassLoader", "Exception", "RuntimeException", "Throwable", "Error",
            "IllegalArgumentException", "IllegalStateException", "NullPointerException", "NumberFormatException",
            "ClassCastException", "ArithmeticException", "IndexOutOfBoundsException",
            "ArrayIndexOutOfBoundsException", "UnsupportedOperationException", "StringBuilder", "Iterable",
            "CharSequence", "Number", "Void", "InterruptedException", "CloneNotSupportedException", "SecurityException",
            "AutoCloseable", "Enum", "Record");

    private final String packageName;
    private final Map<String, String> explicit = new HashMap<>();
    private final List<String> wildcards;

    TypeNames(String packageName, List<String> imports) {
        this.packageName = packageName;
        this.wildcards = imports.stream().filter(i -> i.endsWith(".*") && !i.startsWith("static "))
                .map(i -> i.substring(0, i.length() - 2)).toList();
        for (String i : imports) {
            if (!i.startsWith("static ") && !i.endsWith(".*")) {
                explicit.put(i.substring(i.lastIndexOf('.') + 1), i);
            }
        }
    }

    /** The qualified name of a type as written (generics and array brackets removed). */
    String resolve(String written) {
        String name = erase(written);
        if (name.isEmpty()) {
            return null;
        }
        int dot = name.indexOf('.');
        String first = dot < 0 ? name : name.substring(0, dot);
        if (dot > 0 && Character.isLowerCase(first.charAt(0))) {
            return name; // already qualified
        }
        String rest = dot < 0 ? "" : name.substring(dot);
        String imported = explicit.get(first);
        if (imported != null) {
            return imported + rest;
        }
        if (JAVA_LANG.contains(first)) {
            return "java.lang." + name;
        }
        for (String wildcard : wildcards) {
            if (KNOWN.contains(wildcard + "." + first)) {
                return wildcard + "." + name;
            }
        }
        return packageName.isEmpty() ? name : packageName + "." + name;
    }

    /** Type text without generic arguments, array brackets and annotations: {@code List<Long>[]} to {@code List}. */
    static String erase(String written) {
        if (written == null) {
            return "";
        }
        String text = written.strip();
        int generic = text.indexOf('<');
        if (generic >= 0) {
            text = text.substring(0, generic);
        }
        text = text.replace("[]", "").replace("...", "").strip();
        int space = text.lastIndexOf(' ');
        return space >= 0 ? text.substring(space + 1) : text;
    }
}
