package dev.autocoder.workers.implementation.patch;

/**
 * A mechanical fix for one finding, as a patch against the file as it is now.
 *
 * @param file         repository-relative path of the patched file
 * @param rule         the PMD rule of the finding
 * @param description  one sentence saying what the edit does
 * @param unifiedDiff  git-style unified diff ({@code a/<file>}, {@code b/<file>}, 3 lines of context) that
 *                     {@code git apply} accepts
 * @param patchedCode  the whole file after the patch
 * @param verification the diff applied to the current file and the result parsed (see {@link PatchVerification})
 */
public record ProposedPatch(String file, String rule, String description, String unifiedDiff, String patchedCode,
                            PatchVerification verification) {
}
