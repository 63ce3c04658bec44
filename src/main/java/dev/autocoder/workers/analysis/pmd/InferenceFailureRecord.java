package dev.autocoder.workers.analysis.pmd;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;

/**
 * Empties the failure record PMD's type inference shares between runs.
 * <p>
 * With its inference log off (as always here), PMD 7 reports every failed overload candidate on one static
 * {@code ResolutionFailure.UNKNOWN} and writes the candidate and its call site into it. So after a run that record
 * still points at the last failed call site: that file's syntax tree and, through the inference context, the run's
 * whole type system with every class it loaded (13 MB on the large corpus), alive next to the next run's own. The
 * record is only read by the inference log, so emptying it after a batch changes no result.
 */
final class InferenceFailureRecord {

    private static final Logger log = LoggerFactory.getLogger(InferenceFailureRecord.class);
    private static final String RECORD_CLASS = "net.sourceforge.pmd.lang.java.types.internal.infer.ResolutionFailure";

    /** The shared record and its two fields that reach a run's objects; null when this PMD has them no more. */
    private static final Object SHARED;
    private static final Field CALL_SITE;
    private static final Field FAILED_METHOD;

    static {
        Object shared = null;
        Field callSite = null;
        Field failedMethod = null;
        try {
            Class<?> record = Class.forName(RECORD_CLASS);
            Field unknown = record.getDeclaredField("UNKNOWN");
            callSite = record.getDeclaredField("callSite");
            failedMethod = record.getDeclaredField("failedMethod");
            unknown.setAccessible(true);
            callSite.setAccessible(true);
            failedMethod.setAccessible(true);
            shared = unknown.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("PMD's shared inference failure record is not there to empty ({})", e.toString());
            shared = null;
        }
        SHARED = shared;
        CALL_SITE = callSite;
        FAILED_METHOD = failedMethod;
    }

    private InferenceFailureRecord() {
    }

    /** Forgets the last failed call site; harmless while another run writes a new one. */
    static void clear() {
        if (SHARED == null) {
            return;
        }
        try {
            CALL_SITE.set(SHARED, null);
            FAILED_METHOD.set(SHARED, null);
        } catch (IllegalAccessException e) {
            log.debug("Cannot empty PMD's shared inference failure record ({})", e.toString());
        }
    }

    /** Whether the record points at a call site of an earlier run. */
    static boolean holdsACallSite() {
        try {
            return SHARED != null && CALL_SITE.get(SHARED) != null;
        } catch (IllegalAccessException e) {
            return false;
        }
    }
}
