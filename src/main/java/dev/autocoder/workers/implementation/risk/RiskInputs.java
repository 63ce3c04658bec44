package dev.autocoder.workers.implementation.risk;

/**
 * The evidence the risks of one change are rated from.
 *
 * @param subject         what is touched, e.g. {@code com.acme.Parser#parse(String)} or {@code private field log of com.acme.Parser}
 * @param javaModel       the touched code is in the Java model (false for other files or unparseable Java)
 * @param callSites       references to the touched member (calls to the method, reads and writes of the field, calls
 *                        to the type) from other classes than the one declaring it
 * @param callingClasses  distinct classes those references come from
 * @param ownReferences   references to the touched member inside its own class
 * @param directTests     test methods that call the touched method today
 * @param testClasses     test classes named after the touched class
 * @param commits         commits touching the file in the churn window; null without git history
 * @param linesChanged    lines of the real diff; null without a patch
 * @param isApi           the touched method or type can be called from outside its package
 * @param behaviourKept   the chosen change is a verified mechanical patch, which keeps behaviour by construction
 * @param wideChange      the chosen approach reaches several files
 */
public record RiskInputs(String subject, boolean javaModel, int callSites, int callingClasses, int ownReferences, int directTests,
                         int testClasses, Integer commits, Integer linesChanged, boolean isApi, boolean behaviourKept,
                         boolean wideChange) {
}
