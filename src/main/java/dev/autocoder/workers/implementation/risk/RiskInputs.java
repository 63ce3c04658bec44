package dev.autocoder.workers.implementation.risk;

/**
 * The evidence the risks of one change are rated from.
 *
 * @param subject         what is touched, e.g. {@code com.acme.Parser#parse(String)} or {@code private field log of com.acme.Parser}
 * @param unplaced        why the code model does not place the touched code (outside every Python function, not
 *                        Java or Python, unparseable Java); null when it does
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
public record RiskInputs(String subject, String unplaced, int callSites, int callingClasses, int ownReferences, int directTests,
                         int testClasses, Integer commits, Integer linesChanged, boolean isApi, boolean behaviourKept,
                         boolean wideChange) {

    /** The code model places the touched code: its callers and tests are known. */
    public boolean modelled() {
        return unplaced == null;
    }
}
