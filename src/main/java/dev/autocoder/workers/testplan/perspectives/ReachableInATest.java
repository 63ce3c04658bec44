package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.Param;
import dev.autocoder.workers.testplan.rules.IntegrationKind;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collaborators made or reached statically that are still no obstacle to a test, so not hard-wired: anything a
 * {@code @Bean}, {@code @Produces} or {@code @Provides} method makes (it is where injection starts: this
 * repository's {@code Clock clock()} bean was "hard-wired" to {@code Clock.systemUTC}) and a default a convenience
 * constructor hands to {@code this(...)} (a test calls the constructor that takes it), a file on
 * any location but one fixed in the code ({@link FixedLocations}), a database the caller names, the environment
 * read in {@code main} (where configuration comes from), a property of the JVM itself ({@code os.arch},
 * {@code line.separator}: facts of the platform, not configuration), the clock read by a method given a timeout,
 * which measures what is left of it as the JDK waits it hands the rest to do (Guava's {@code Uninterruptibles}: a
 * test passes a short timeout), and a {@code System.nanoTime()} read only to measure an elapsed time for a log line
 * or a timer ({@link Invocation#MEASURES_ELAPSED}: nothing the method decides depends on it).
 */
final class ReachableInATest {

    private static final Pattern LEADING_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern PLATFORM_PROPERTY = Pattern.compile(
            "System\\.getProperty\\(\\s*\"(?:java\\.|os\\.|sun\\.|jdk\\.|line\\.separator|file\\.separator|path\\.separator|file\\.encoding|native\\.encoding).*");
    /** A method that makes a collaborator for the container to inject (Spring, CDI, Guice and Dagger). */
    private static final Set<String> PROVIDERS = Set.of("Bean", "Produces", "Provides");
    private static final Set<String> TIMEOUT_TYPES = Set.of("TimeUnit", "java.util.concurrent.TimeUnit", "Duration",
            "java.time.Duration");

    private ReachableInATest() {
    }

    /**
     * A test reaches the collaborator without replacing it: one a provider method makes or a constructor hands to
     * {@code this(...)}, a file anywhere but a location fixed in the code (the test's files are in a temporary
     * folder), a database the caller names, the environment read in {@code main} (where configuration comes from),
     * a property of the JVM, the clock of a method given a timeout, a clock read only to measure an elapsed time.
     */
    static boolean withoutReplacing(IntegrationKind kind, Invocation call, MethodRef m) {
        if (PROVIDERS.stream().anyMatch(m.method()::hasAnnotation) || call.hasFact(Invocation.CONSTRUCTOR_DEFAULT)) {
            return true;
        }
        return switch (kind) {
            case FILE_SYSTEM -> !FixedLocations.reached(call);
            case DATABASE -> namedByCaller(call, m);
            case ENVIRONMENT -> JavaEntryPoints.main(m) || PLATFORM_PROPERTY.matcher(call.text()).matches();
            case CLOCK -> givenATimeout(m) || call.hasFact(Invocation.MEASURES_ELAPSED);
            default -> false;
        };
    }

    /**
     * The call's first argument is given by the caller: it starts with a parameter or a field the instance was given
     * ({@code DriverManager.getConnection(url)}, {@code sqlite3.connect(self.path)}), or it is a local the model saw
     * made from a parameter ({@code String url = base + name}; in Python a local that is not text built there). A
     * test then names a throw-away database without replacing anything. Text built onto a fixed address
     * ({@code "jdbc:h2:mem:" + name}) and constants (upper-case fields) are not given; a local made from a fixed
     * address and a parameter is taken as given (the model does not say how a local was made).
     */
    private static boolean namedByCaller(Invocation call, MethodRef m) {
        int open = FixedLocations.openingParenthesis(call);
        if (open < 0) {
            return false;
        }
        String first = call.text().substring(open + 1).strip();
        boolean member = first.startsWith("this.") || first.startsWith("self.");
        Matcher name = LEADING_NAME.matcher(member ? first.substring(5) : first);
        if (!name.lookingAt()) {
            return false;
        }
        String given = name.group();
        boolean field = m.type().fields().containsKey(given) && !given.equals(given.toUpperCase(Locale.ROOT));
        if (field || !member && m.method().paramType(given) != null) {
            return true;
        }
        if (member) {
            return false;
        }
        String python = call.fact("in0");
        if (python != null) {
            return "name".equals(call.fact("arg0"));
        }
        boolean local = Character.isLowerCase(given.charAt(0)) && first.substring(name.end()).stripLeading().matches("[,)].*");
        return local && !call.paramsReachedByFirstArgument().isEmpty();
    }

    /** A parameter of type TimeUnit or Duration, or one named for a timeout (Python's {@code timeout=None}). */
    private static boolean givenATimeout(MethodRef m) {
        for (Param p : m.method().params()) {
            if (TIMEOUT_TYPES.contains(p.type()) || p.name().toLowerCase(Locale.ROOT).contains("timeout")) {
                return true;
            }
        }
        return false;
    }
}
