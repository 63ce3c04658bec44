package dev.autocoder.workers.testplan;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The distinct plan item ids a worker has seen, kept as a sorted array of 64-bit numbers (8 bytes an id): the
 * running totals need only "seen before or not", and the ids as strings in a hash set took ~140 bytes each, 11 MB
 * after a few rotations on the large corpus, growing with every new id. A plan item's id is 16 hex digits, which is
 * its number exactly; any other id counts by the first 64 bits of its SHA-256, where two ids share a number with a
 * chance of about n²/2⁶⁵ (one in 10¹⁰ for a million ids).
 */
final class DistinctIds {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{16}");

    private long[] digests = new long[0];

    int size() {
        return digests.length;
    }

    /** The numbers of the ids, sorted (not to be changed). */
    long[] numbers() {
        return digests;
    }

    /** Adds the ids and answers how many of them were not there before. */
    int addAll(Collection<String> ids) {
        return addNew(ids).length;
    }

    /** Adds the ids and answers the numbers of those that were not there before. */
    long[] addNew(Collection<String> ids) {
        MessageDigest sha256 = sha256();
        return addDigests(ids.stream().mapToLong(id -> digest(sha256, id)).toArray());
    }

    /** Adds ids by their numbers (as {@link #addNew} answered them); answers the numbers that were new. */
    long[] addDigests(long[] numbers) {
        long[] incoming = Arrays.stream(numbers).sorted().distinct()
                .filter(d -> Arrays.binarySearch(digests, d) < 0).toArray();
        if (incoming.length > 0) {
            digests = merge(digests, incoming);
        }
        return incoming;
    }

    private static long[] merge(long[] a, long[] b) {
        long[] merged = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            merged[k++] = a[i] < b[j] ? a[i++] : b[j++];
        }
        while (i < a.length) {
            merged[k++] = a[i++];
        }
        while (j < b.length) {
            merged[k++] = b[j++];
        }
        return merged;
    }

    private static long digest(MessageDigest sha256, String id) {
        if (HEX_64.matcher(id).matches()) {
            return Long.parseUnsignedLong(id, 16);
        }
        return ByteBuffer.wrap(sha256.digest(id.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
