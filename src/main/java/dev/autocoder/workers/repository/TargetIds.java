package dev.autocoder.workers.repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The stable id of a target: a readable slug of its name and a short hash of where it is, e.g.
 * {@code autocoder-workers-3f9a1c2e}. The same location (and branch) always gives the same id, so a target keeps
 * its rows, its folder in the dataset ({@code data/{target_id}/}) and its Hub config across restarts and across
 * the switch from the single-target keys to a list of targets.
 */
public final class TargetIds {

    private static final int MAX_SLUG = 40;

    private TargetIds() {
    }

    /**
     * The id of the target at {@code location} (a git URL without credentials, or a folder's real path) on
     * {@code branch} (null for the default branch).
     */
    public static String of(String location, String branch) {
        String trimmed = location.replace('\\', '/').replaceAll("/+$", "");
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (name.endsWith(".git")) {
            name = name.substring(0, name.length() - ".git".length());
        }
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        if (branch != null) {
            String branchSlug = branch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            slug = slug.isEmpty() ? branchSlug : slug + "-" + branchSlug;
        }
        String hash = hash(trimmed + (branch == null ? "" : "#" + branch)).substring(0, 8);
        return slug.isEmpty() ? "target-" + hash : slug + "-" + hash;
    }

    /** Whether {@code id} has the shape of a target id: safe as a folder name, a Hub config name and a URL parameter. */
    public static boolean isWellFormed(String id) {
        return id != null && id.matches("[a-z0-9][a-z0-9-]{0,80}");
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
