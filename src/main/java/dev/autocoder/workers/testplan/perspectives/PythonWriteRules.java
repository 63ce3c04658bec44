package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodModel;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The data-integrity perspective's Python counterparts of the Java write tables, read from the Python model's calls
 * and their argument facts ({@link Invocation#facts()}).
 */
final class PythonWriteRules {

    private static final Pattern WRITE_SQL = Pattern.compile(
            "(?is)^[^(]*\\(\\s*[rbuf]*(\"\"\"|'''|\"|')\\s*(insert|update|delete|replace|upsert|merge|create|drop|alter|truncate)\\b");
    private static final Pattern SQL_TEXT = Pattern.compile("(?i)\\b(select|insert|update|delete|replace|create|drop|alter)\\b");
    /** A bare {@code total} is as often a count (a progress bar's steps, rich's and tqdm's) and is no money name. */
    private static final Pattern MONEY = Pattern.compile("(?i)(^|_)(price|amount|cost|balance|money|fee|salary|payment|"
            + "subtotal|tax|discount|refund|charge|wage|invoice)s?($|_)|[a-z0-9]_totals?$");
    private static final Set<String> SERIALIZERS = Set.of("json.dump", "json.dumps", "pickle.dump", "pickle.dumps", "yaml.dump",
            "yaml.safe_dump", "marshal.dump", "marshal.dumps", "toml.dump", "toml.dumps", "tomli_w.dump", "tomli_w.dumps");

    private PythonWriteRules() {
    }

    /** {@code open(p, "w")} (or {@code "wb"}, {@code "x"}, {@code mode="w"}), {@code Path.write_text/write_bytes}. */
    static boolean isFileWrite(Invocation call) {
        String owner = call.type() == null ? "" : call.type();
        if (owner.equals("builtins") && call.method().equals("open") || owner.equals("io") && call.method().equals("open")) {
            String mode = call.fact("mode") != null ? unquote(call.fact("mode")) : call.fact("arg1'");
            String target = call.fact("arg0'");
            boolean device = target != null && target.startsWith("/dev/") || "os.devnull".equals(call.fact("arg0name"));
            return !device && mode != null && (mode.contains("w") || mode.contains("x"));
        }
        return (owner.isEmpty() || owner.startsWith("pathlib")) && (call.method().equals("write_text") || call.method().equals("write_bytes"));
    }

    /**
     * {@code getopt.getopt(..)}, an argparse or optparse parser's {@code parse_args(..)}: the function reads its
     * command line, so a file it writes is one the user named there.
     */
    static boolean parsesCommandLine(Invocation call) {
        String owner = call.type() == null ? "" : call.type();
        return owner.equals("getopt") || call.method().equals("parse_args") || call.method().equals("parse_known_args");
    }

    /** A temporary file moved into place: {@code os.replace}, {@code os.rename}, {@code shutil.move}, {@code Path.replace}. */
    static boolean isAtomicReplace(Invocation call) {
        String owner = call.type() == null ? "" : call.type();
        String qualified = owner + "." + call.method();
        if (qualified.equals("os.replace") || qualified.equals("os.rename") || qualified.equals("shutil.move")) {
            return true;
        }
        boolean pathMethod = call.method().equals("replace") || call.method().equals("rename");
        return pathMethod && (owner.startsWith("pathlib") || owner.isEmpty() && call.arguments() == 1);
    }

    /** An INSERT/UPDATE/DELETE/DDL through a DB-API cursor or connection, {@code executemany}, or a SQLAlchemy session write. */
    static boolean isDatabaseWrite(Invocation call) {
        String owner = call.type() == null ? "" : call.type();
        String method = call.method();
        if (owner.startsWith("sqlalchemy.orm") && (method.equals("add") || method.equals("add_all") || method.equals("delete")
                || method.equals("merge"))) {
            return true;
        }
        if (!method.equals("execute") && !method.equals("executemany") && !method.equals("executescript")) {
            return false;
        }
        boolean database = isDatabase(owner) || owner.isEmpty() && SQL_TEXT.matcher(call.text()).find();
        return database && (!method.equals("execute") || WRITE_SQL.matcher(call.text()).find());
    }

    static boolean isDatabase(String owner) {
        return owner.startsWith("sqlite3") || owner.startsWith("psycopg") || owner.startsWith("sqlalchemy")
                || owner.startsWith("pymysql") || owner.startsWith("MySQLdb") || owner.startsWith("mysql.connector");
    }

    /** {@code sqlite3.connect(..)} and the like: the function opens the connection itself. */
    static boolean isConnect(Invocation call) {
        String owner = call.type() == null ? "" : call.type();
        return call.method().equals("connect") && (owner.equals("sqlite3") || owner.startsWith("psycopg") || owner.equals("pymysql")
                || owner.equals("MySQLdb") || owner.equals("mysql.connector"));
    }

    /** The method commits or rolls back itself. */
    static boolean handlesCommit(MethodModel method) {
        return method.invocations().stream().anyMatch(c -> c.method().equals("commit") || c.method().equals("rollback"));
    }

    static boolean isSerialization(Invocation call) {
        return call.type() != null && SERIALIZERS.contains(call.type() + "." + call.method());
    }

    /** {@code datetime.now()}/{@code today()} without a time zone, {@code datetime.utcnow()}: a naive timestamp. */
    static boolean isNaiveNow(Invocation call) {
        if (!"datetime.datetime".equals(call.type())) {
            return false;
        }
        return call.method().equals("utcnow") || call.method().equals("today")
                || call.method().equals("now") && call.arguments() == 0;
    }

    /** A parameter or field that holds money by its name and is a float. */
    static boolean isMoneyFloat(String name, String annotation) {
        return annotation != null && annotation.strip().matches("float|Optional\\[float]|float \\| None")
                && MONEY.matcher(name.replace("*", "")).find();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && (value.startsWith("'") || value.startsWith("\"")) ? value.substring(1, value.length() - 1) : value;
    }
}
