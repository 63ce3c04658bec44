package dev.autocoder.workers.worker;

import java.lang.reflect.Type;
import java.util.Map;

/**
 * The columns a worker adds to every row of its dataset beyond the common contract (README, "Row contract").
 * <p>
 * Each column has one fixed shape, declared by a Java type (a record, a {@code List} of records, {@code String},
 * {@code Long}, ...): every row carries every declared column, and the dataset card declares them as features,
 * so the Hub's viewer and {@code load_dataset} infer one schema. A worker without a bean of this type publishes
 * the common columns only.
 */
public interface WorkerColumns {

    /** The worker whose rows get these columns, e.g. {@code test-planning}. */
    String worker();

    /** Column name to the type of its value, in column order. */
    Map<String, Type> types();

    /**
     * The column values of the row being built. Called for ok, skipped and error results alike;
     * {@code result.columns()} holds what the perspective computed and {@code state} the worker's earlier rows
     * (for running totals that survive restarts). A declared column missing from the answer is written as null.
     */
    Map<String, Object> values(WorkerState state, PerspectiveResult result);

    /**
     * The column values of the row being built for an iteration (its snapshot, perspective and number at hand);
     * {@code result}'s findings carry their final, unique ids. By default {@link #values(WorkerState, PerspectiveResult)}.
     */
    default Map<String, Object> values(Iteration iteration, PerspectiveResult result) {
        return values(iteration.worker(), result);
    }
}
