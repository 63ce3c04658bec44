package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.ProjectCalls;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exception types without a classpath: the JDK's well-known exceptions with their superclass and package (Python's
 * built-in ones for a Python file), and the project's own exception types through their declared supertypes. Answers
 * whether a catch clause catches a thrown type, and the name a generated test uses for a type.
 */
public final class ExceptionTypes {

    /** Simple name to "package.Parent": the JDK exceptions the planner meets most. */
    private static final Map<String, String> JDK = new HashMap<>();

    static {
        jdk("java.lang", "Throwable", null);
        jdk("java.lang", "Exception", "Throwable");
        jdk("java.lang", "Error", "Throwable");
        jdk("java.lang", "RuntimeException", "Exception");
        for (String runtime : List.of("IllegalArgumentException", "IllegalStateException", "NullPointerException",
                "UnsupportedOperationException", "ArithmeticException", "ClassCastException", "IndexOutOfBoundsException",
                "SecurityException", "ArrayStoreException", "NegativeArraySizeException", "IllegalMonitorStateException")) {
            jdk("java.lang", runtime, "RuntimeException");
        }
        jdk("java.lang", "NumberFormatException", "IllegalArgumentException");
        jdk("java.lang", "ArrayIndexOutOfBoundsException", "IndexOutOfBoundsException");
        jdk("java.lang", "StringIndexOutOfBoundsException", "IndexOutOfBoundsException");
        for (String error : List.of("AssertionError", "LinkageError", "VirtualMachineError")) {
            jdk("java.lang", error, "Error");
        }
        jdk("java.lang", "OutOfMemoryError", "VirtualMachineError");
        jdk("java.lang", "StackOverflowError", "VirtualMachineError");
        for (String checked : List.of("InterruptedException", "CloneNotSupportedException", "ReflectiveOperationException")) {
            jdk("java.lang", checked, "Exception");
        }
        for (String reflective : List.of("ClassNotFoundException", "NoSuchMethodException", "NoSuchFieldException",
                "IllegalAccessException", "InstantiationException")) {
            jdk("java.lang", reflective, "ReflectiveOperationException");
        }
        jdk("java.lang.reflect", "InvocationTargetException", "ReflectiveOperationException");
        jdk("java.io", "IOException", "Exception");
        jdk("java.io", "UncheckedIOException", "RuntimeException");
        for (String io : List.of("FileNotFoundException", "EOFException", "UnsupportedEncodingException")) {
            jdk("java.io", io, "IOException");
        }
        jdk("java.nio.file", "FileSystemException", "IOException");
        for (String fs : List.of("AccessDeniedException", "NoSuchFileException", "FileAlreadyExistsException",
                "DirectoryNotEmptyException", "NotDirectoryException")) {
            jdk("java.nio.file", fs, "FileSystemException");
        }
        jdk("java.nio.file", "InvalidPathException", "IllegalArgumentException");
        jdk("java.nio.charset", "CharacterCodingException", "IOException");
        jdk("java.nio.charset", "MalformedInputException", "CharacterCodingException");
        jdk("java.net", "SocketException", "IOException");
        jdk("java.net", "ConnectException", "SocketException");
        jdk("java.net", "UnknownHostException", "IOException");
        jdk("java.net", "MalformedURLException", "IOException");
        jdk("java.net", "SocketTimeoutException", "IOException");
        jdk("java.net", "URISyntaxException", "Exception");
        jdk("java.net.http", "HttpTimeoutException", "IOException");
        jdk("java.sql", "SQLException", "Exception");
        jdk("java.text", "ParseException", "Exception");
        jdk("java.util", "NoSuchElementException", "RuntimeException");
        jdk("java.util", "InputMismatchException", "NoSuchElementException");
        jdk("java.util", "ConcurrentModificationException", "RuntimeException");
        jdk("java.util", "MissingResourceException", "RuntimeException");
        jdk("java.util", "EmptyStackException", "RuntimeException");
        jdk("java.util.concurrent", "TimeoutException", "Exception");
        jdk("java.util.concurrent", "ExecutionException", "Exception");
        jdk("java.util.concurrent", "CancellationException", "IllegalStateException");
        jdk("java.util.concurrent", "CompletionException", "RuntimeException");
        jdk("java.util.concurrent", "RejectedExecutionException", "RuntimeException");
        jdk("java.time", "DateTimeException", "RuntimeException");
        jdk("java.time.format", "DateTimeParseException", "DateTimeException");
        jdk("java.security", "GeneralSecurityException", "Exception");
        jdk("java.security", "NoSuchAlgorithmException", "GeneralSecurityException");
        jdk("java.security", "InvalidKeyException", "GeneralSecurityException");
    }

    private static void jdk(String packageName, String simple, String parent) {
        JDK.put(simple, packageName + "." + (parent == null ? "" : parent));
    }

    /** JDK conversions that throw on malformed input, to the exception they throw. */
    private static final Map<String, String> CONVERSIONS = new LinkedHashMap<>();

    static {
        for (String box : List.of("Integer", "Long", "Short", "Byte", "Double", "Float")) {
            for (String method : List.of("parseInt", "parseLong", "parseShort", "parseByte", "parseDouble", "parseFloat", "valueOf", "decode")) {
                CONVERSIONS.put("java.lang." + box + "." + method, "NumberFormatException");
            }
        }
        CONVERSIONS.put("java.util.UUID.fromString", "IllegalArgumentException");
        for (String time : List.of("LocalDate", "LocalDateTime", "LocalTime", "Instant", "ZonedDateTime", "OffsetDateTime", "Duration")) {
            CONVERSIONS.put("java.time." + time + ".parse", "DateTimeParseException");
        }
        CONVERSIONS.put("java.math.BigDecimal.<init>", "NumberFormatException");
        CONVERSIONS.put("java.math.BigInteger.<init>", "NumberFormatException");
    }

    private final ProjectCalls project;

    public ExceptionTypes(ProjectCalls project) {
        this.project = project;
    }

    public ExceptionTypes(CodeModel model) {
        this(new ProjectCalls(model));
    }

    /** The exception a JDK conversion call throws on malformed input ({@code Integer.parseInt}...), or null. */
    public static String conversion(Invocation call) {
        String exception = CONVERSIONS.get(call.type() + "." + call.method());
        String parameters = call.fact("parameters");
        if (exception == null || parameters == null) {
            return exception; // the overload is not known: any of them may be the one that parses
        }
        List<String> types = List.of(parameters.split(","));
        boolean parses = types.stream().anyMatch(TEXT::contains)
                || call.type().equals("java.math.BigDecimal") && (types.contains("double") || types.contains("float"));
        return parses ? exception : null;
    }

    /** What a conversion parses; {@code Integer.valueOf(int)} and {@code new BigDecimal(BigInteger)} parse nothing. */
    private static final Set<String> TEXT = Set.of("java.lang.String", "java.lang.CharSequence", "char[]");

    /** Whether one of the catch types catches the thrown type (the same type or a supertype). */
    public boolean caught(String thrown, List<String> catchTypes, FileModel context) {
        return catchTypes.stream().anyMatch(c -> isSubtype(thrown, c, context));
    }

    /**
     * Whether {@code type} is {@code ancestor} or a subtype of it. A type the planner cannot place (neither a known
     * JDK exception nor a project type) counts as caught only by {@code Throwable}, or by {@code Exception} when
     * its name does not end in {@code Error}.
     */
    public boolean isSubtype(String type, String ancestor, FileModel context) {
        if (context != null && context.path().endsWith(".py")) {
            return isPythonSubtype(type, ancestor, context);
        }
        String target = simple(ancestor);
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        queue.add(simple(type));
        boolean placed = true;
        while (!queue.isEmpty() && seen.size() < 30) {
            String current = queue.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (current.equals(target)) {
                return true;
            }
            Optional<ProjectCalls.TypeRef> own = project.type(current, context);
            if (own.isPresent()) {
                own.get().type().supertypes().forEach(queue::add);
                context = own.get().file();
            } else if (JDK.containsKey(current)) {
                String parent = JDK.get(current);
                String parentSimple = parent.substring(parent.lastIndexOf('.') + 1);
                if (!parentSimple.isEmpty()) {
                    queue.add(parentSimple);
                }
            } else {
                placed = false;
            }
        }
        if (!placed) {
            return target.equals("Throwable") || (target.equals("Exception") && !simple(type).endsWith("Error"));
        }
        return false;
    }

    /**
     * As {@link #isSubtype}, through Python's hierarchy ({@link PythonExceptions}) and the project's Python classes: a
     * name the hierarchy knows is compared as written after its alias ({@code socket.error} is {@code OSError}, never
     * {@code zlib.error}) or as the file imports it ({@code except CalledProcessError} after {@code from subprocess
     * import CalledProcessError} is {@code subprocess.CalledProcessError}); a project's by its last name. A type
     * neither places is caught by {@code Exception} and {@code BaseException}, as nearly every Python exception
     * derives from the former.
     */
    private boolean isPythonSubtype(String type, String ancestor, FileModel context) {
        String target = PythonExceptions.canonical(imported(ancestor, context));
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        queue.add(PythonExceptions.canonical(imported(type, context)));
        boolean placed = true;
        while (!queue.isEmpty() && seen.size() < 30) {
            String current = queue.poll();
            if (!seen.add(current)) {
                continue;
            }
            boolean known = PythonExceptions.known(current);
            if (current.equals(target)
                    || !known && !PythonExceptions.known(target) && simple(current).equals(simple(target))) {
                return true;
            }
            if (known) {
                PythonExceptions.base(current).ifPresent(queue::add);
                continue;
            }
            Optional<ProjectCalls.TypeRef> own = project.type(simple(current), context);
            if (own.isPresent()) {
                own.get().type().supertypes().forEach(base -> queue.add(PythonExceptions.canonical(base)));
                context = own.get().file();
            } else {
                placed = false;
            }
        }
        return !placed && (target.equals("Exception") || target.equals("BaseException"));
    }

    /**
     * A bare name the hierarchy does not know, as the file imports it from a module when the hierarchy knows it there
     * ({@code from subprocess import CalledProcessError}); else as written. A project's own class keeps its name.
     */
    private static String imported(String written, FileModel context) {
        if (written.contains(".") || PythonExceptions.known(written)) {
            return written;
        }
        String suffix = "." + written;
        return context.imports().stream().filter(i -> i.endsWith(suffix) && PythonExceptions.known(i))
                .findFirst().orElse(written);
    }

    /**
     * The name a test in the package of {@code context} can write for the type: the qualified name of a project
     * type visible from there or of a known JDK exception; null when the planner cannot tell.
     */
    public String compilableName(String type, FileModel context) {
        String simple = simple(type);
        Optional<ProjectCalls.TypeRef> own = project.type(simple, context);
        if (own.isPresent()) {
            TypeModel t = own.get().type();
            boolean visible = t.isPublic() || (!t.visibility().equals("private") && context != null
                    && t.packageName().equals(context.packageName()));
            return visible ? t.qualifiedName() : null;
        }
        String jdk = JDK.get(simple);
        if (jdk != null) {
            String packageName = jdk.substring(0, jdk.lastIndexOf('.'));
            return packageName.equals("java.lang") ? simple : packageName + "." + simple;
        }
        return null;
    }

    static String simple(String type) {
        String t = type.replaceAll("<.*>", "").strip();
        return t.substring(t.lastIndexOf('.') + 1);
    }
}
