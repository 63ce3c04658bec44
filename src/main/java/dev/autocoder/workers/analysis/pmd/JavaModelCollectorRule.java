package dev.autocoder.workers.analysis.pmd;

import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.document.FileId;
import net.sourceforge.pmd.lang.java.ast.ASTCompilationUnit;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRule;
import net.sourceforge.pmd.lang.rule.RulePriority;
import net.sourceforge.pmd.lang.rule.RuleTargetSelector;
import net.sourceforge.pmd.properties.PropertyDescriptor;
import net.sourceforge.pmd.properties.PropertyFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A PMD rule that never reports anything: it builds the Java model of each file from the AST PMD already parsed
 * for the other rules, so every file is parsed once for both.
 * <p>
 * PMD deep-copies rules for each of its worker threads (through the no-argument constructor plus the rule's
 * properties), so a rule instance cannot hand results back by itself. Instead the engine registers a thread-safe
 * sink under a fresh run id ({@link #open(BiConsumer)}), sets that id as the rule's {@code runId} property (which
 * every copy carries), and closes the registration when the run ends. Files that do not parse never reach a rule;
 * the engine learns about them from PMD's processing errors.
 */
public class JavaModelCollectorRule extends AbstractJavaRule {

    public static final String NAME = "AutocoderJavaModelCollector";

    static final PropertyDescriptor<String> RUN_ID = PropertyFactory.stringProperty("runId")
            .desc("Id of the engine run whose sink receives the models")
            .defaultValue("")
            .build();

    private static final Map<String, BiConsumer<FileId, ParsedJavaFile>> SINKS = new ConcurrentHashMap<>();

    public JavaModelCollectorRule() {
        definePropertyDescriptor(RUN_ID);
        setName(NAME);
        setLanguage(LanguageRegistry.PMD.getLanguageById("java"));
        setMessage("Collects the Java model; never reports a violation");
        setPriority(RulePriority.LOW);
    }

    /** A collector bound to a newly registered sink; close the returned run when the analysis is over. */
    static Run open(BiConsumer<FileId, ParsedJavaFile> sink) {
        String runId = java.util.UUID.randomUUID().toString();
        SINKS.put(runId, sink);
        JavaModelCollectorRule rule = new JavaModelCollectorRule();
        rule.setProperty(RUN_ID, runId);
        return new Run(runId, rule);
    }

    @Override
    protected RuleTargetSelector buildTargetSelector() {
        return RuleTargetSelector.forTypes(ASTCompilationUnit.class);
    }

    @Override
    public Object visit(ASTCompilationUnit unit, Object data) {
        BiConsumer<FileId, ParsedJavaFile> sink = SINKS.get(getProperty(RUN_ID));
        if (sink != null) {
            sink.accept(unit.getTextDocument().getFileId(), JavaFileModelBuilder.build(unit));
        }
        return data;
    }

    /** One registration of a sink; closing it unregisters the sink. */
    record Run(String runId, JavaModelCollectorRule rule) implements AutoCloseable {
        @Override
        public void close() {
            SINKS.remove(runId);
        }
    }
}
