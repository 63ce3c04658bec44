package dev.autocoder.workers.testsupport;

import java.nio.charset.StandardCharsets;

/**
 * One file in a repository snapshot. A regular file is stored in git; an LFS file is stored in git as a
 * pointer and its real bytes live in LFS storage. Hashes are computed once because snapshots share files.
 */
final class FakeHubFile {

    private final byte[] content;
    private final boolean lfs;
    private final String sha256;
    private final String oid;

    FakeHubFile(byte[] content, boolean lfs) {
        this.content = content.clone();
        this.lfs = lfs;
        this.sha256 = FakeHubFormats.sha256Hex(content);
        this.oid = FakeHubFormats.gitBlobSha1(lfs ? pointer(sha256, content.length) : content);
    }

    /** The real content (for an LFS file, the object in LFS storage, not the pointer). */
    byte[] content() {
        return content.clone();
    }

    boolean lfs() {
        return lfs;
    }

    long size() {
        return content.length;
    }

    String sha256() {
        return sha256;
    }

    /** The git blob id of what git stores: the content of a regular file, the pointer of an LFS file. */
    String oid() {
        return oid;
    }

    /** The oid preupload reports: the git blob id for a regular file, the sha256 for an LFS file. */
    String preuploadOid() {
        return lfs ? sha256 : oid;
    }

    int pointerSize() {
        return pointer(sha256, content.length).length;
    }

    /** A Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
    static byte[] pointer(String sha256, long size) {
        return ("version https://git-lfs.github.com/spec/v1\noid sha256:" + sha256 + "\nsize " + size + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
