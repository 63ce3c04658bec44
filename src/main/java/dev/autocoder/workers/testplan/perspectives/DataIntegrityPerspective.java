package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.testplan.rules.Scores;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Data Integrity: code that writes persistent state and the invariants to test.
 * <ul>
 *   <li>file writes ({@code Files.write*}, {@code Files.newOutputStream}, {@code new FileOutputStream/FileWriter});
 *       {@code non-atomic-file-write} (medium) when the method does not also move a temporary file into place;</li>
 *   <li>database writes ({@code executeUpdate}, {@code execute}, {@code executeBatch}, JPA persist/merge/remove,
 *       {@code JdbcTemplate.update}); {@code writes-without-transaction} (high) when a method writes twice or more
 *       with neither {@code @Transactional} nor {@code setAutoCommit(false)}/{@code commit};</li>
 *   <li>serialized forms ({@code ObjectOutputStream.writeObject}); {@code missing-serial-version-uid} (low) for a
 *       Serializable class without one.</li>
 * </ul>
 * Specifications: one test per writing method for its invariant (content round trip and no partial file; all or
 * nothing in the database; serialization round trip). Quality score: {@code 1 / (1 + d / 5)} with d =
 * severity-weighted findings per 1000 main lines.
 */
@Component
class DataIntegrityPerspective extends TestPlanningPerspective {

    private static final Set<String> FILE_WRITES = Set.of("java.nio.file.Files.write", "java.nio.file.Files.writeString",
            "java.nio.file.Files.newOutputStream", "java.nio.file.Files.newBufferedWriter", "java.nio.file.Files.copy",
            "java.io.FileOutputStream.<init>", "java.io.FileWriter.<init>", "java.io.RandomAccessFile.<init>");
    private static final Set<String> DB_WRITES = Set.of("java.sql.Statement.executeUpdate", "java.sql.Statement.execute",
            "java.sql.Statement.executeBatch", "java.sql.PreparedStatement.executeUpdate", "java.sql.PreparedStatement.execute",
            "java.sql.PreparedStatement.executeBatch", "jakarta.persistence.EntityManager.persist",
            "jakarta.persistence.EntityManager.merge", "jakarta.persistence.EntityManager.remove",
            "javax.persistence.EntityManager.persist", "javax.persistence.EntityManager.merge",
            "javax.persistence.EntityManager.remove", "org.springframework.jdbc.core.JdbcTemplate.update",
            "org.springframework.jdbc.core.JdbcTemplate.batchUpdate");

    DataIntegrityPerspective(TestPlanServices services) {
        super(services, "data-integrity", "Data Integrity");
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        Map<String, Integer> written = new TreeMap<>();
        List<MethodRef> writing = new ArrayList<>();
        for (MethodRef m : planning.model().mainMethods()) {
            boolean writes = m.file().path().endsWith(".py") ? planPython(m, result, written) : planJava(m, result, written);
            if (writes) {
                writing.add(m);
            }
        }
        typeFindings(planning, result);
        written.forEach((kind, count) -> result.metric(kind + "_writes", count));
        int writingMethods = writing.size();
        result.metric("writing_methods", writingMethods);
        result.qualityScore = Scores.density(result.findings, planning.mainLines());
        result.details.put("writes", written);
        result.summary = writingMethods == 0 ? "No code writes persistent state (files, databases, serialized forms)."
                : CodeNouns.ofMethods(planning, writing).method().of(writingMethods) + (writingMethods == 1 ? " writes" : " write")
                + " persistent state "
                + "(" + KindCounts.of(written) + "); " + Plural.of(result.findings.size(), "integrity risk") + ".";
        result.findings.stream().filter(f -> f.severity() != Severity.LOW).limit(5)
                .forEach(f -> result.recommendations.add(f.message() + " (" + f.file() + ":" + f.line() + ")"));
        return result;
    }

    /**
     * A Java method's writes: a file written in place ({@code non-atomic-file-write}), two or more database writes
     * outside a transaction ({@code writes-without-transaction}), serialization (a round-trip test). Returns whether
     * it writes persistent state.
     */
    private boolean planJava(MethodRef m, PlanResult result, Map<String, Integer> writes) {
        MethodModel method = m.method();
        List<Invocation> fileWrites = new ArrayList<>();
        List<Invocation> dbWrites = new ArrayList<>();
        List<Invocation> serialized = new ArrayList<>();
        for (Invocation call : method.invocations()) {
            String key = call.type() + "." + call.method();
            if (FILE_WRITES.contains(key)) {
                fileWrites.add(call);
            } else if (DB_WRITES.contains(key)) {
                dbWrites.add(call);
            } else if (key.equals("java.io.ObjectOutputStream.writeObject")) {
                serialized.add(call);
            }
        }
        if (fileWrites.isEmpty() && dbWrites.isEmpty() && serialized.isEmpty()) {
            return false;
        }
        writes.merge("file", fileWrites.size(), Integer::sum);
        writes.merge("database", dbWrites.size(), Integer::sum);
        writes.merge("serialized", serialized.size(), Integer::sum);
        List<String> answers = new ArrayList<>();
        boolean moves = method.invocations().stream().anyMatch(c -> "java.nio.file.Files".equals(c.type()) && c.method().equals("move"));
        if (!fileWrites.isEmpty() && !moves) {
            Invocation first = fileWrites.get(0);
            report(finding("non-atomic-file-write", Severity.MEDIUM, m, first.line(), CallNames.of(m, first)
                    + " writes in place: a crash mid-write leaves a partial file (write a temporary file and move it)", first.text()), result, answers);
        }
        boolean transactional = method.hasAnnotation("Transactional") || m.type().hasAnnotation("Transactional")
                || method.invocations().stream().anyMatch(c -> c.method().equals("setAutoCommit") || c.method().equals("commit"));
        if (dbWrites.size() >= 2 && !transactional) {
            report(finding("writes-without-transaction", Severity.HIGH, m, dbWrites.get(1).line(), dbWrites.size()
                    + " database writes without a transaction: a failure between them leaves half the change", dbWrites.get(1).text()), result, answers);
        }
        if (method.visibility().equals("private")) {
            return true;
        }
        if (!fileWrites.isEmpty()) {
            result.specifications.add(Specs.of(m, id(), "integration", method.name() + "_writesCompleteFile",
                    "a temporary folder (@TempDir) with an existing file", "calling " + method.signature()
                            + ", once normally and once failing mid-write", "the file holds exactly the new content, or the old content when the write failed",
                    List.of(), "never a partial file", answers));
        }
        if (!dbWrites.isEmpty()) {
            result.specifications.add(Specs.of(m, id(), "integration", method.name() + "_writesAllOrNothing",
                    "a database with the production schema and a constraint the second write violates",
                    "calling " + method.signature(), "either every row is written or none is (rolled back)",
                    List.of(), "all-or-nothing", answers));
        }
        if (!serialized.isEmpty()) {
            result.specifications.add(Specs.of(m, id(), "unit", method.name() + "_serializationRoundTrip",
                    "a fully populated object", "it is written and read back", "the read object equals the written one",
                    List.of(), "equal objects", answers));
        }
        return true;
    }

    /** Serializable classes without a serialVersionUID, and Python classes that hold money in a float. */
    private static void typeFindings(Planning planning, PlanResult result) {
    for (FileModel file : planning.model().mainFiles()) {
        for (TypeModel type : file.types()) {
            if (file.path().endsWith(".py")) {
                type.fields().forEach((name, annotation) -> {
                    if (PythonWriteRules.isMoneyFloat(name, annotation)) {
                        result.findings.add(Finding.of("float-for-money", "Data Integrity", Severity.MEDIUM, file.path(),
                                type.beginLine(), type.beginLine(), type.simpleName() + "." + name + " holds money in a float: "
                                        + "0.1 + 0.2 != 0.3, and sums drift (use decimal.Decimal or integer cents)", type.qualifiedName() + "." + name));
                    }
                });
                continue;
            }
            if (type.supertypes().stream().anyMatch(s -> s.equals("Serializable") || s.equals("java.io.Serializable"))
                    && !type.serialVersionUid() && !type.kind().equals("record") && !type.kind().equals("enum")) {
                result.findings.add(Finding.of("missing-serial-version-uid", "Data Integrity", Severity.LOW, file.path(),
                        type.beginLine(), type.beginLine(), type.simpleName() + " is Serializable without serialVersionUID: "
                                + "a recompiled class may not read data written before", type.qualifiedName()));
            }
        }
    }
    }

    /**
     * A Python function's writes: {@code open(.., "w")}/{@code Path.write_text} without a move into place
     * ({@code non-atomic-file-write}), database writes without commit handling ({@code writes-without-transaction}
     * for two or more outside a transaction block; {@code uncommitted-write} when the function opens the connection
     * and never commits), serialization ({@code json}/{@code pickle}/{@code yaml} dumps: a round-trip test), money
     * in a float parameter ({@code float-for-money}) and naive timestamps ({@code naive-datetime}). Returns whether
     * it writes persistent state.
     */
    private boolean planPython(MethodRef m, PlanResult result, Map<String, Integer> writes) {
        MethodModel method = m.method();
        List<String> answers = new ArrayList<>();
        for (var p : method.params()) {
            if (PythonWriteRules.isMoneyFloat(p.name(), p.type())) {
                report(finding("float-for-money", Severity.MEDIUM, m, method.beginLine(), "parameter '" + p.name()
                        + "' holds money in a float: 0.1 + 0.2 != 0.3 and sums drift (use decimal.Decimal or integer cents)", p.name()), result, answers);
            }
        }
        List<Invocation> fileWrites = method.invocations().stream().filter(PythonWriteRules::isFileWrite).toList();
        // the same call written twice is one write tried again (coverage.py retries `self.con.executemany(sql, data)`
        // in its except clause), not a second change
        List<Invocation> dbWrites = List.copyOf(method.invocations().stream().filter(PythonWriteRules::isDatabaseWrite)
                .collect(Collectors.toMap(Invocation::text, c -> c, (first, retry) -> first, LinkedHashMap::new)).values());
        List<Invocation> serialized = method.invocations().stream().filter(PythonWriteRules::isSerialization).toList();
        boolean writesState = !fileWrites.isEmpty() || !dbWrites.isEmpty();
        for (Invocation call : method.invocations()) {
            if (PythonWriteRules.isNaiveNow(call)) {
                report(finding("naive-datetime", writesState ? Severity.MEDIUM : Severity.LOW, m, call.line(), call.text()
                        + " is a timestamp without a time zone: stored or compared across machines it means different instants "
                        + "(use datetime.now(timezone.utc))", call.text()), result, answers);
            }
        }
        if (!writesState && serialized.isEmpty()) {
            if (!answers.isEmpty() && !method.visibility().equals("private")) {
                result.specifications.add(Specs.of(m, id(), "unit", method.name() + "_keepsExactValues",
                        "amounts such as 0.1 and 0.2, and a fixed clock in another time zone (freezegun or time-machine)",
                        "calling " + method.signature(), "sums are exact and timestamps carry UTC", List.of("0.1", "0.2", "10 ** 9 + 0.01"),
                        "exact results", answers));
            }
            return false;
        }
        writes.merge("file", fileWrites.size(), Integer::sum);
        writes.merge("database", dbWrites.size(), Integer::sum);
        writes.merge("serialized", serialized.size(), Integer::sum);
        boolean moves = method.invocations().stream().anyMatch(PythonWriteRules::isAtomicReplace);
        if (!fileWrites.isEmpty() && !moves) {
            Invocation first = fileWrites.get(0);
            // a command's output file, as a shell's `>` writes it (tabulate's and sqlparse's `-o FILE`)
            boolean namedOnCommandLine = method.invocations().stream().anyMatch(PythonWriteRules::parsesCommandLine);
            report(finding("non-atomic-file-write", namedOnCommandLine ? Severity.LOW : Severity.MEDIUM, m,
                    first.line(), first.text() + " writes in place: a crash mid-write leaves a partial file (write a "
                            + "temporary file in the same folder, then os.replace it)"
                            + (namedOnCommandLine ? "; low: the function reads its command line, so the file is one "
                            + "the user named there, written as a shell's `>` writes it" : ""), first.text()), result, answers);
        }
        boolean commits = PythonWriteRules.handlesCommit(method);
        List<Invocation> outsideTransaction = dbWrites.stream().filter(c -> !c.hasFact("transaction")).toList();
        if (outsideTransaction.size() >= 2 && !commits) {
            report(finding("writes-without-transaction", Severity.HIGH, m, outsideTransaction.get(1).line(), outsideTransaction.size()
                    + " database writes without commit or rollback here or a `with conn:` block: a failure between them leaves half the change", outsideTransaction.get(1).text()), result, answers);
        } else if (!outsideTransaction.isEmpty() && !commits && method.invocations().stream().anyMatch(PythonWriteRules::isConnect)) {
            report(finding("uncommitted-write", Severity.HIGH, m, outsideTransaction.get(0).line(), outsideTransaction.get(0).text()
                    + " writes on a connection this function opens and never commits: the change is rolled back when it closes", outsideTransaction.get(0).text()), result, answers);
        }
        if (method.visibility().equals("private")) {
            return true;
        }
        if (!fileWrites.isEmpty()) {
            result.specifications.add(Specs.of(m, id(), "integration", method.name() + "_writesCompleteFile",
                    "a temporary folder (pytest's tmp_path) with an existing file", "calling " + method.signature()
                            + ", once normally and once failing mid-write (monkeypatch the writer to raise)",
                    "the file holds exactly the new content, or the old content when the write failed", List.of(), "never a partial file", answers));
        }
        if (!dbWrites.isEmpty()) {
            result.specifications.add(Specs.of(m, id(), "integration", method.name() + "_writesAllOrNothing",
                    "a database with the production schema (sqlite3 \":memory:\" or a tmp_path file) and a constraint the last write violates",
                    "calling " + method.signature(), "either every row is written and committed, or none is (rolled back)",
                    List.of(), "all-or-nothing, visible from a second connection", answers));
        }
        if (!serialized.isEmpty()) {
            result.specifications.add(Specs.of(m, id(), "unit", method.name() + "_serializationRoundTrip",
                    "a fully populated value (with the types JSON changes: tuples, int dict keys, datetime, Decimal, NaN)",
                    "it is written (" + CallNames.of(m, serialized.get(0)) + ") and read back",
                    "the value read equals the value written, or the conversion is explicit", List.of(), "equal values", answers));
        }
        return true;
    }

    /** Adds the finding to the row, and to what the method's specifications answer. */
    private static void report(Finding finding, PlanResult result, List<String> answers) {
        result.findings.add(finding);
        answers.add(finding.id());
    }

    private static Finding finding(String rule, Severity severity, MethodRef m, int line, String message, String snippet) {
        return Finding.of(rule, "Data Integrity", severity, m.file().path(), line, line,
                m.type().simpleName() + "." + m.method().signature() + ": " + message, m.key() + " " + snippet);
    }
}
