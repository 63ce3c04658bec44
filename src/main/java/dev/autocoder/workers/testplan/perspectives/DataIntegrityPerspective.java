package dev.autocoder.workers.testplan.perspectives;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
public class DataIntegrityPerspective extends TestPlanningPerspective {

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

    public DataIntegrityPerspective(TestPlanServices support) {
        super(support);
    }

    @Override
    public String id() {
        return "data-integrity";
    }

    @Override
    public String name() {
        return "Data Integrity";
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        Map<String, Integer> writes = new TreeMap<>();
        int writingMethods = 0;
        for (MethodRef m : planning.model().mainMethods()) {
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
                continue;
            }
            writingMethods++;
            writes.merge("file", fileWrites.size(), Integer::sum);
            writes.merge("database", dbWrites.size(), Integer::sum);
            writes.merge("serialized", serialized.size(), Integer::sum);
            List<String> answers = new ArrayList<>();
            boolean moves = method.invocations().stream().anyMatch(c -> "java.nio.file.Files".equals(c.type()) && c.method().equals("move"));
            if (!fileWrites.isEmpty() && !moves) {
                Invocation first = fileWrites.get(0);
                Finding f = finding("non-atomic-file-write", Severity.MEDIUM, m, first.line(), first.shortName()
                        + " writes in place: a crash mid-write leaves a partial file (write a temporary file and move it)", first.text());
                result.findings.add(f);
                answers.add(f.id());
            }
            boolean transactional = method.hasAnnotation("Transactional") || m.type().hasAnnotation("Transactional")
                    || method.invocations().stream().anyMatch(c -> c.method().equals("setAutoCommit") || c.method().equals("commit"));
            if (dbWrites.size() >= 2 && !transactional) {
                Finding f = finding("writes-without-transaction", Severity.HIGH, m, dbWrites.get(1).line(), dbWrites.size()
                        + " database writes without a transaction: a failure between them leaves half the change", dbWrites.get(1).text());
                result.findings.add(f);
                answers.add(f.id());
            }
            if (method.visibility().equals("private")) {
                continue;
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
        }
        for (FileModel file : planning.model().mainFiles()) {
            for (TypeModel type : file.types()) {
                if (type.supertypes().stream().anyMatch(s -> s.equals("Serializable") || s.equals("java.io.Serializable"))
                        && !type.serialVersionUid() && !type.kind().equals("record") && !type.kind().equals("enum")) {
                    result.findings.add(Finding.of("missing-serial-version-uid", "Data Integrity", Severity.LOW, file.path(),
                            type.beginLine(), type.beginLine(), type.simpleName() + " is Serializable without serialVersionUID: "
                                    + "a recompiled class may not read data written before", type.qualifiedName()));
                }
            }
        }
        writes.forEach((kind, count) -> result.metric(kind + "_writes", count));
        result.metric("writing_methods", writingMethods);
        result.qualityScore = Scores.density(result.findings, planning.mainLines());
        result.details.put("writes", writes);
        result.summary = writingMethods == 0 ? "No code writes persistent state (files, databases, serialized forms)."
                : writingMethods + " methods write persistent state " + writes + "; " + result.findings.size() + " integrity risks.";
        result.findings.stream().filter(f -> f.severity() != Severity.LOW).limit(5)
                .forEach(f -> result.recommendations.add(f.message() + " (" + f.file() + ":" + f.line() + ")"));
        return result;
    }

    private static Finding finding(String rule, Severity severity, MethodRef m, int line, String message, String snippet) {
        return Finding.of(rule, "Data Integrity", severity, m.file().path(), line, line,
                m.type().simpleName() + "." + m.method().signature() + ": " + message, m.key() + " " + snippet);
    }
}
