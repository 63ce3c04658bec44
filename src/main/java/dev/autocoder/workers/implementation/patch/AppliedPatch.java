package dev.autocoder.workers.implementation.patch;

import java.util.Map;

/**
 * A unified diff applied in memory to the repository's current files (nothing is written).
 *
 * @param verification whether it applied and the results parse
 * @param patchedFiles repository-relative path to the text after the patch, for every file the diff creates or
 *                     changes (deleted files are left out); empty when the diff did not apply
 */
public record AppliedPatch(PatchVerification verification, Map<String, String> patchedFiles) {

    static AppliedPatch failed(String reason) {
        return new AppliedPatch(PatchVerification.failed(reason), Map.of());
    }
}
