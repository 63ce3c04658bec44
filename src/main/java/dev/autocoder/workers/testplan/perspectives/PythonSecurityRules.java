package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.row.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The security perspective's Python counterparts of the Java sinks, read from the Python model's calls and their
 * argument facts ({@link Invocation#facts()}).
 * <p>
 * A <em>flow</em> needs a parameter of the function to reach the call ({@code untrusted-input-to-<sink>}); a
 * <em>hazard</em> is unsafe whatever the input ({@code verify=False}, {@code yaml.load} without a safe loader).
 * Safe forms are not reported: {@code subprocess} with a list and no {@code shell=True}, SQL with placeholders
 * ({@code execute("... ?", (x,))}), {@code yaml.safe_load}, {@code hashlib.md5(.., usedforsecurity=False)}.
 */
final class PythonSecurityRules {

    record Match(String rule, Severity severity, String sink, String message, List<String> hostile, boolean flow) {
    }

    private static final List<String> COMMAND = List.of("\"; rm -rf /\"", "\"$(id)\"", "\"a && reboot\"", "\"`id`\"");
    private static final List<String> SQL = List.of("\"' OR '1'='1\"", "\"'; DROP TABLE users; --\"");
    private static final List<String> PATH = List.of("\"../../etc/passwd\"", "\"/etc/shadow\"", "\"..\\\\..\\\\windows\"");
    private static final List<String> URL = List.of("\"../admin\"", "\"@evil.example.org\"", "\"x?redirect=http://169.254.169.254/\"");
    private static final List<String> CODE = List.of("\"__import__('os').system('id')\"", "\"open('/etc/passwd').read()\"");
    private static final List<String> DESERIALIZATION = List.of("b\"cos\\nsystem\\n(S'id'\\ntR.\"");
    private static final List<String> XML = List.of("\"<!DOCTYPE a [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;&a;'>]><r>&b;</r>\"",
            "\"<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><r>&x;</r>\"");

    /** How an argument is built from pieces (so input can change its structure), as the helper names the forms. */
    private static final Set<String> BUILT = Set.of("fstring", "concat", "percent", "format");
    private static final Set<String> JOINED = Set.of("fstring", "concat", "percent", "format", "join", "div");
    private static final Map<String, String> FORMS = Map.of("fstring", "an f-string", "concat", "`+`",
            "percent", "`%` formatting", "format", "`str.format`", "join", "`os.path.join`", "div", "`/` on a path");
    private static final Set<String> SUBPROCESS = Set.of("run", "call", "check_call", "check_output", "Popen");
    private static final Set<String> HTTP_VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options", "request");
    private static final Pattern SQL_TEXT = Pattern.compile("(?i)\\b(select|insert|update|delete|replace|create|drop|alter)\\b");
    private static final Pattern UNSAFE_LOADER = Pattern.compile("(^|\\.)C?(Unsafe|Full)?Loader$");

    private PythonSecurityRules() {
    }

    /** The rules a call breaks: at most one flow of input into it, and the hazards of the call itself. */
    static List<Match> check(Invocation call) {
        String owner = call.type() == null ? "" : call.type();
        String qualified = qualified(call);
        Match flow = flow(call);
        List<Match> out = new ArrayList<>();
        if (flow != null) {
            out.add(flow);
        }
        for (Match hazard : hazards(call, owner, call.method(), qualified)) {
            if (flow == null || !hazard.sink().equals(flow.sink())) {
                out.add(hazard);
            }
        }
        return out;
    }

    private static List<Match> hazards(Invocation call, String owner, String method, String qualified) {
        List<Match> out = new ArrayList<>();
        Match first = hazard(call, owner, method, qualified);
        if (first != null) {
            out.add(first);
        }
        // a call without timeout may also have another hazard (verify=False): report both
        if (first != null && !first.rule().equals("http-without-timeout")) {
            Match timeout = timeout(call, owner, method, qualified);
            if (timeout != null) {
                out.add(timeout);
            }
        }
        return out;
    }

    private static Match timeout(Invocation call, String owner, String method, String qualified) {
        boolean noTimeout = call.fact("timeout") == null && call.fact("**") == null && call.fact("*") == null;
        if (isRequests(owner) && HTTP_VERBS.contains(method) && noTimeout) {
            return hazard("http-without-timeout", Severity.HIGH, "timeout", shortName(qualified)
                    + " without timeout= waits forever on a server that accepts and never answers");
        }
        // urlopen(url, data, timeout): its default is the socket module's, none unless the program sets one
        if (qualified.equals("urllib.request.urlopen") && noTimeout && call.arguments() < 3) {
            return hazard("http-without-timeout", Severity.HIGH, "timeout", "urlopen without timeout= waits forever on a "
                    + "server that accepts and never answers (its default is socket.getdefaulttimeout(), None unless set)");
        }
        return null;
    }

    /**
     * A deserialization of a parameter typed as an open binary file (jinja2's {@code load_bytecode(self, f:
     * t.BinaryIO)} / {@code pickle.load(f)}) reads a file its caller opened: medium, as an input that names the file
     * is, not the high of bytes handed in (Django's {@code PickleSerializer.loads(data)}).
     */
    static Match ofParameterType(Match match, Invocation call, String paramType) {
        if (!match.flow() || !match.sink().equals("deserialization") || match.severity() != Severity.HIGH
                || paramType == null || !OPEN_FILE.matcher(paramType).find()) {
            return match;
        }
        return new Match(match.rule(), Severity.MEDIUM, match.sink(), "is the open file " + shortName(qualified(call))
                + " deserializes, which runs code if someone else could write that file", match.hostile(), true);
    }

    private static final Pattern OPEN_FILE = Pattern.compile(
            "\\b(BinaryIO|BufferedReader|BufferedIOBase|RawIOBase|FileIO)\\b|\\bIO\\[bytes]");

    /** The first argument is a parameter of the function as it came: nothing is built into it there. */
    private static boolean passedWhole(Invocation call) {
        return call.hasFact("in0whole");
    }

    /**
     * The function runs what its callers give, as it came: a shell command that is its parameter ({@code
     * Popen(command, shell=True)} in {@code run_system_command(self, command)}) or statements it executes ({@code
     * exec(source, ..)} in {@code source_exec_as_module(source)}, Django's {@code exec(options['command'], ..)}). Not
     * an {@code eval}: a caller may take {@code calculate(expression)} for a calculator, where
     * {@code ast.literal_eval} is the safe form.
     */
    static boolean runsCallersInput(Invocation call, Match match) {
        return passedWhole(call) && (match.sink().equals("command")
                || match.sink().equals("code") && call.method().equals("exec"));
    }

    /** Input of the function reaching the call's sensitive argument, or null. */
    private static Match flow(Invocation call) {
        String owner = call.type() == null ? "" : call.type();
        String method = call.method();
        String qualified = qualified(call);
        boolean flow = !inputs(call).isEmpty();
        String arg0 = call.fact("arg0") == null ? "" : call.fact("arg0");
        // input quoted or escaped on its way into a command or SQL text cannot change its structure
        boolean unquoted = flow && !call.hasFact("in0quoted");
        // command injection
        if (unquoted && (qualified.equals("os.system") || qualified.equals("os.popen") || qualified.equals("subprocess.getoutput")
                || qualified.equals("subprocess.getstatusoutput"))) {
            return flow("command", passedWhole(call) ? "is the shell command it runs"
                    : "runs a shell command built from it", COMMAND);
        }
        if (unquoted && qualified.startsWith("subprocess.") && SUBPROCESS.contains(qualified.substring("subprocess.".length()))
                && "True".equals(call.fact("shell"))) {
            return flow("command", passedWhole(call) ? "is the command it runs through the shell (shell=True)"
                    : "runs a shell command built from it (shell=True)", COMMAND);
        }
        // code injection
        if (flow && (qualified.equals("builtins.eval") || qualified.equals("builtins.exec"))) {
            // the input only names a file of code, which the function loads by design (pygments' formatter and
            // lexer plugins, distutils' run_setup(script_name)): the caller chooses the file, not what it holds
            return call.hasFact("in0opened")
                    ? new Match("untrusted-input-to-code", Severity.MEDIUM, "code", "names the file whose Python code "
                    + shortName(qualified) + " runs, which runs code if someone else could write that file", PATH, true)
                    : flow("code", "evaluates it as Python code", CODE);
        }
        // SQL built from strings
        if (unquoted && BUILT.contains(arg0) && (method.equals("execute") || method.equals("executemany") || method.equals("executescript"))
                && (isDatabase(owner) || owner.isEmpty() && SQL_TEXT.matcher(call.text()).find())) {
            return flow("sql", "is formatted into the SQL text (" + form(arg0) + ") instead of passed as a parameter", SQL);
        }
        if (unquoted && BUILT.contains(arg0) && (qualified.equals("sqlalchemy.text") || qualified.equals("sqlalchemy.sql.text"))) {
            return flow("sql", "is formatted into the SQL text (" + form(arg0) + ") instead of a bound parameter", SQL);
        }
        // deserialization
        if (flow && isDeserialization(qualified, call)) {
            // the input only names a file, whose bytes someone else must have written (sphinx's pickled doctrees
            // under its build folder, Django's file cache): the caller chooses the file, not what it holds
            return call.hasFact("in0opened")
                    ? new Match("untrusted-input-to-deserialization", Severity.MEDIUM, "deserialization", "names the file "
                    + shortName(qualified) + " deserializes, which runs code if someone else could write that file", PATH, true)
                    : flow("deserialization", "is deserialized with " + shortName(qualified) + ", which can run code", DESERIALIZATION);
        }
        // XML parsers
        if (flow && isXmlParser(qualified)) {
            return new Match("untrusted-input-to-xml", Severity.MEDIUM, "xml", "is parsed by " + shortName(qualified)
                    + " (entity expansion; defusedxml parses it safely)", XML, true);
        }
        // path traversal: a base folder joined with input; input that only makes the folder is the caller's choice
        if (flow && JOINED.contains(arg0) && isPathSink(qualified) && !call.hasFact("in0leading")) {
            return flow("path", "is joined into the path that " + shortName(qualified) + " opens (" + form(arg0) + ")", PATH);
        }
        // server-side request forgery: input built into the URL
        if (flow && BUILT.contains(arg0) && isHttp(owner, method)) {
            return flow("url", "is built into the URL requested (" + form(arg0) + ")", URL);
        }
        return null;
    }

    private static Match hazard(Invocation call, String owner, String method, String qualified) {
        if (qualified.equals("yaml.load") || qualified.equals("yaml.load_all")) {
            String loader = call.fact("Loader");
            boolean positionalLoader = call.fact("arg1") != null;
            if (loader == null && !positionalLoader || loader != null && UNSAFE_LOADER.matcher(loader).find()) {
                return hazard("unsafe-yaml-load", Severity.HIGH, "deserialization", "yaml.load without a safe loader constructs "
                        + "arbitrary Python objects from the document (use yaml.safe_load or Loader=yaml.SafeLoader)");
            }
        }
        if (qualified.equals("yaml.unsafe_load") || qualified.equals("yaml.unsafe_load_all")) {
            return hazard("unsafe-yaml-load", Severity.HIGH, "deserialization", "yaml.unsafe_load constructs arbitrary Python objects");
        }
        if ("False".equals(call.fact("verify")) && isHttp(owner, method)) {
            return hazard("tls-verification-disabled", Severity.HIGH, "tls", shortName(qualified)
                    + " with verify=False accepts any certificate: a man in the middle reads and changes the traffic");
        }
        if (qualified.equals("ssl._create_unverified_context")) {
            return hazard("tls-verification-disabled", Severity.HIGH, "tls", "an unverified SSL context accepts any certificate");
        }
        Match timeout = timeout(call, owner, method, qualified);
        if (timeout != null) {
            return timeout;
        }
        if (qualified.equals("tempfile.mktemp")) {
            return hazard("insecure-temp-file", Severity.MEDIUM, "temp-file", "tempfile.mktemp returns a name another process can "
                    + "create first (use tempfile.mkstemp or NamedTemporaryFile)");
        }
        boolean weakNew = qualified.equals("hashlib.new") && call.fact("arg0'") != null
                && call.fact("arg0'").toLowerCase().matches("md5|sha1|md4");
        if ((qualified.equals("hashlib.md5") || qualified.equals("hashlib.sha1") || weakNew)
                && !"False".equals(call.fact("usedforsecurity"))) {
            return hazard("weak-hash", Severity.MEDIUM, "hash", shortName(qualified) + " is broken for security: if the digest "
                    + "protects anything (passwords, signatures, tokens) use hashlib.sha256/blake2b or hmac; else pass usedforsecurity=False");
        }
        return null;
    }

    /**
     * The parameter a flow is about: the first that reaches the call's first argument, and for a path the first that
     * reaches past its folder (pip's {@code os.path.join(location, link.filename)}: {@code link}, not
     * {@code location}).
     */
    static String input(Invocation call, Match match) {
        String past = match.sink().equals("path") ? call.fact("in0past") : null;
        return past != null ? past.split(",")[0] : inputs(call).get(0);
    }

    /** The parameters that reach the call's first argument (all it uses when its arguments are keywords only). */
    static List<String> inputs(Invocation call) {
        String first = call.fact("in0");
        if (first != null) {
            return List.of(first.split(","));
        }
        return call.fact("arg0") == null ? call.paramsReached() : List.of();
    }

    /**
     * MD5/SHA-1 protecting something (by the names around it: its class and function, the call's own text) is medium;
     * a checksum, cache key or ETag is low. The function's other parameters say nothing about this digest (aiohttp's
     * {@code _ws_connect(.., auth, ..)} hashes only the WebSocket key).
     */
    static Severity weakHashSeverity(String function, String text) {
        return SECURITY_WORDS.matcher(function + " " + text).find() ? Severity.MEDIUM : Severity.LOW;
    }

    private static final Pattern SECURITY_WORDS = Pattern.compile("(?i)passw|\\bpin\\b|_pin\\b|\\bpin_|secret|token|signatur|"
            + "\\bsign|auth|salt|credential|cookie|nonce|hmac");

    private static Match flow(String sink, String what, List<String> hostile) {
        return new Match("untrusted-input-to-" + sink, Severity.HIGH, sink, what, hostile, true);
    }

    private static Match hazard(String rule, Severity severity, String sink, String message) {
        return new Match(rule, severity, sink, message, List.of(), false);
    }

    private static boolean isDatabase(String owner) {
        return owner.startsWith("sqlite3") || owner.startsWith("psycopg") || owner.startsWith("sqlalchemy")
                || owner.startsWith("pymysql") || owner.startsWith("MySQLdb") || owner.startsWith("mysql.connector");
    }

    private static boolean isDeserialization(String qualified, Invocation call) {
        return switch (qualified) {
            case "pickle.load", "pickle.loads", "pickle.Unpickler", "cPickle.load", "cPickle.loads", "marshal.load", "marshal.loads",
                 "shelve.open", "dill.load", "dill.loads", "jsonpickle.decode", "joblib.load" -> true;
            case "torch.load" -> !"True".equals(call.fact("weights_only"));
            case "yaml.load", "yaml.load_all" -> hazard(call, "yaml", "load", qualified) != null;
            case "yaml.unsafe_load", "yaml.unsafe_load_all" -> true;
            default -> false;
        };
    }

    private static boolean isXmlParser(String qualified) {
        return qualified.matches("(xml\\.etree\\.(c)?ElementTree|lxml\\.etree)\\.(parse|fromstring|XML|iterparse|fromstringlist)")
                || qualified.matches("xml\\.dom\\.(minidom|pulldom)\\.(parse|parseString)")
                || qualified.matches("xml\\.sax\\.(parse|parseString)");
    }

    private static boolean isPathSink(String qualified) {
        return switch (qualified) {
            case "builtins.open", "io.open", "os.open", "os.remove", "os.unlink", "os.rmdir", "os.makedirs", "os.listdir",
                 "shutil.rmtree", "shutil.copy", "shutil.copyfile", "shutil.copytree", "shutil.move", "pathlib.Path",
                 "flask.send_file", "flask.send_from_directory", "tarfile.open", "zipfile.ZipFile" -> true;
            default -> false;
        };
    }

    private static boolean isRequests(String owner) {
        return owner.equals("requests") || owner.equals("requests.api") || owner.equals("requests.Session")
                || owner.equals("requests.sessions.Session");
    }

    private static boolean isHttp(String owner, String method) {
        return (isRequests(owner) || owner.startsWith("httpx") || owner.startsWith("aiohttp")) && HTTP_VERBS.contains(method)
                || owner.equals("urllib.request") && method.equals("urlopen");
    }

    /** How the Python model says an argument is built, as a Python developer writes it. */
    private static String form(String arg0) {
        return FORMS.getOrDefault(arg0, arg0);
    }

    /** The qualified name of what the call calls: the class it creates, or its owner's method. */
    private static String qualified(Invocation call) {
        String owner = call.type() == null ? "" : call.type();
        return call.creation() ? owner : owner + "." + call.method();
    }

    private static String shortName(String qualified) {
        if (qualified.startsWith("builtins.")) {
            return qualified.substring("builtins.".length());
        }
        int dot = qualified.lastIndexOf('.', qualified.lastIndexOf('.') - 1);
        return qualified.substring(dot + 1);
    }
}
