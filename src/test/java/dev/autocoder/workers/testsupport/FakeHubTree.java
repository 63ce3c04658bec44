package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Tree entries (files and the directories implied by their paths) in the Hub's JSON shape. */
final class FakeHubTree {

    /** One tree entry; {@code file} is null for a directory. */
    record Entry(String type, String path, long size, String oid, FakeHubFile file) {
        boolean isDirectory() {
            return file == null;
        }
    }

    private FakeHubTree() {
    }

    static boolean isDirectory(NavigableMap<String, FakeHubFile> files, String dir) {
        if (dir.isEmpty()) {
            return true;
        }
        String prefix = dir + "/";
        String next = files.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    /** The entries directly under {@code dir} ("" is the root), or all of them when recursive; sorted by path. */
    static List<Entry> list(NavigableMap<String, FakeHubFile> files, String dir, boolean recursive) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        TreeMap<String, Entry> entries = new TreeMap<>();
        for (Map.Entry<String, FakeHubFile> file : files.tailMap(prefix, true).entrySet()) {
            String path = file.getKey();
            if (!path.startsWith(prefix)) {
                break;
            }
            String rest = path.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (!recursive && slash >= 0) {
                String child = prefix + rest.substring(0, slash);
                entries.computeIfAbsent(child, key -> directoryEntry(files, key));
                continue;
            }
            while (slash >= 0) {
                String ancestor = prefix + rest.substring(0, slash);
                entries.computeIfAbsent(ancestor, key -> directoryEntry(files, key));
                slash = rest.indexOf('/', slash + 1);
            }
            entries.put(path, fileEntry(path, file.getValue()));
        }
        return new ArrayList<>(entries.values());
    }

    /** The entry at a path (a file or a directory), or null when nothing is there. */
    static Entry entry(NavigableMap<String, FakeHubFile> files, String path) {
        FakeHubFile file = files.get(path);
        if (file != null) {
            return fileEntry(path, file);
        }
        return !path.isEmpty() && isDirectory(files, path) ? directoryEntry(files, path) : null;
    }

    private static Entry fileEntry(String path, FakeHubFile file) {
        return new Entry("file", path, file.size(), file.oid(), file);
    }

    /** A directory's oid stands for a git tree id: it changes whenever anything under it changes. */
    private static Entry directoryEntry(NavigableMap<String, FakeHubFile> files, String dir) {
        StringBuilder tree = new StringBuilder("tree\n");
        String prefix = dir + "/";
        for (Map.Entry<String, FakeHubFile> file : files.tailMap(prefix, true).entrySet()) {
            if (!file.getKey().startsWith(prefix)) {
                break;
            }
            tree.append(file.getValue().oid()).append(' ').append(file.getKey().substring(prefix.length())).append('\n');
        }
        return new Entry("directory", dir, 0, FakeHubFormats.sha1Hex(tree.toString().getBytes(StandardCharsets.UTF_8)), null);
    }

    /** {type, oid, size, path} plus lfs {oid, size, pointerSize} for an LFS file, as the tree API answers. */
    static ObjectNode toJson(Entry entry) {
        ObjectNode json = FakeHubFormats.JSON.createObjectNode()
                .put("type", entry.type())
                .put("oid", entry.oid())
                .put("size", entry.size())
                .put("path", entry.path());
        if (entry.file() != null && entry.file().lfs()) {
            json.putObject("lfs")
                    .put("oid", entry.file().sha256())
                    .put("size", entry.file().size())
                    .put("pointerSize", entry.file().pointerSize());
        }
        return json;
    }
}
