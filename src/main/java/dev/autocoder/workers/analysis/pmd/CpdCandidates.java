package dev.autocoder.workers.analysis.pmd;

import net.sourceforge.pmd.cpd.CPDConfiguration;
import net.sourceforge.pmd.cpd.CpdCapableLanguage;
import net.sourceforge.pmd.cpd.CpdLexer;
import net.sourceforge.pmd.cpd.TokenEntry;
import net.sourceforge.pmd.cpd.TokenFactory;
import net.sourceforge.pmd.lang.Language;
import net.sourceforge.pmd.lang.ast.LexException;
import net.sourceforge.pmd.lang.document.TextDocument;
import net.sourceforge.pmd.lang.document.TextFile;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits CPD's input into the groups of files that can share a duplicate, and leaves out the files that cannot.
 * <p>
 * Why: CPD keeps one object per token of every file it is given plus match bookkeeping sized by the total token
 * count (PMD issue #6145); on a large tree that is well over 100 MB for a moment. A duplicate of at least
 * {@code minimumTokens} tokens means both places share a run of exactly that many equal tokens. So a file none
 * of whose runs occurs twice anywhere (in itself included) is in no duplicate, and two files that share no run
 * are never in the same duplicate. Searching each group on its own finds the same duplicates as one search over
 * everything: CPD only ever compares token runs, and the files of a group keep their order.
 * <p>
 * Files are tokenized with the lexers CPD itself uses, built from the same configuration, and only a hash per
 * run is kept. A file whose lexer rewrites a recorded token, or that does not tokenize, is always handed on,
 * so CPD sees and reports it as it would have.
 */
final class CpdCandidates {

    private static final int MULTIPLIER = 37;

    private final CPDConfiguration configuration;
    private final int minimumTokens;
    private final Map<Language, CpdLexer> lexers = new HashMap<>();
    /** Every token image seen, as a number: equal images get equal numbers, as in CPD. */
    private final Map<String, Integer> imageIds = new HashMap<>();
    private final Map<Path, Long> comparisons = new HashMap<>();
    private final Map<Path, Integer> tokenCounts = new HashMap<>();

    /**
     * @param configuration the configuration of the CPD run the result is for; CPD sets its language properties
     *                      when the {@code CpdAnalysis} is created, so create that first
     */
    CpdCandidates(CPDConfiguration configuration) {
        this.configuration = configuration;
        this.minimumTokens = configuration.getMinimumTileSize();
    }

    /**
     * The files of {@code files} that can be in a duplicate, in groups that CPD can search one at a time: two
     * files that share a run are in the same group, so no duplicate spans two groups. Groups and the files in
     * them keep the given order.
     */
    List<List<Path>> groups(Map<Path, Language> files) {
        return groups(files, Map.of());
    }

    /** The same, each file read in its charset ({@code charsets}; the configuration's source encoding when absent). */
    List<List<Path>> groups(Map<Path, Language> files, Map<Path, Charset> charsets) {
        List<Path> paths = new ArrayList<>(files.keySet());
        List<int[]> hashesByFile = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        List<Path> unknownTokens = new ArrayList<>();
        int total = 0;
        tokenCounts.clear();
        for (Path path : paths) {
            Tokens tokens = tokenize(path, files.get(path), charsets.getOrDefault(path, configuration.getSourceEncoding()));
            int[] hashes = null;
            if (tokens == null) {
                unreadable.add(path);
            } else {
                tokenCounts.put(path, tokens.size);
                if (tokens.rewritten) {
                    unknownTokens.add(path);
                } else if (tokens.size >= minimumTokens) {
                    hashes = runHashes(tokens.ids, tokens.size);
                    total += hashes.length;
                }
            }
            hashesByFile.add(hashes);
        }
        imageIds.clear();
        FileGroups groups = new FileGroups(paths.size());
        long[] runs = new long[total]; // run hash in the high half, file index in the low half: sorts by hash
        int at = 0;
        for (int file = 0; file < hashesByFile.size(); file++) {
            int[] hashes = hashesByFile.get(file);
            for (int i = 0; hashes != null && i < hashes.length; i++) {
                runs[at++] = ((long) hashes[i] << 32) | file;
            }
            hashesByFile.set(file, null);
        }
        Arrays.sort(runs);
        for (int i = 1; i < runs.length; i++) {
            if (runs[i] >>> 32 == runs[i - 1] >>> 32) {
                groups.join((int) runs[i - 1], (int) runs[i]);
            }
        }
        countComparisons(runs, paths);
        List<List<Path>> result = new ArrayList<>();
        if (unknownTokens.isEmpty()) {
            result.addAll(groups.toLists(paths));
        } else {
            // such a file may match anything: search it together with every file that can be in a duplicate
            Set<Path> all = new HashSet<>(unknownTokens);
            groups.toLists(paths).forEach(all::addAll);
            result.add(paths.stream().filter(all::contains).toList());
        }
        // CPD reports a file it cannot read as a processing error; alone, it costs nothing else
        unreadable.forEach(path -> result.add(List.of(path)));
        return result;
    }

    /**
     * How many comparisons of equal runs CPD makes for this file of the last {@link #groups} call: for each of its
     * runs, the other places that run occurs (in the file itself or another of its group). CPD compares every
     * place of a run with every other, so a run repeated k times costs k × k: a method of 20,000 copies of one
     * statement costs two billion, real code thousands. 0 for a file not in a group.
     */
    long comparisons(Path file) {
        return comparisons.getOrDefault(file, 0L);
    }

    /** How many tokens the file has, as CPD's lexer makes them; 0 for a file that cannot be read or lexed. */
    int tokens(Path file) {
        return tokenCounts.getOrDefault(file, 0);
    }

    /** For each stretch of equal run hashes (sorted, so adjacent), each place of the run counts the others. */
    private void countComparisons(long[] runs, List<Path> paths) {
        comparisons.clear();
        long[] byFile = new long[paths.size()];
        for (int start = 0, end; start < runs.length; start = end) {
            end = start + 1;
            while (end < runs.length && runs[end] >>> 32 == runs[start] >>> 32) {
                end++;
            }
            for (int i = start; end - start > 1 && i < end; i++) {
                byFile[(int) runs[i]] += end - start - 1;
            }
        }
        for (int file = 0; file < byFile.length; file++) {
            if (byFile[file] > 0) {
                comparisons.put(paths.get(file), byFile[file]);
            }
        }
    }

    /** The file's token images as numbers; null when the file cannot be read or lexed. */
    private Tokens tokenize(Path path, Language language, Charset charset) {
        CpdLexer lexer = lexers.computeIfAbsent(language,
                l -> ((CpdCapableLanguage) l).createCpdLexer(configuration.getLanguageProperties(l)));
        Tokens recorder = new Tokens();
        try (TextFile textFile = TextFile.forPath(path, charset,
                configuration.getLanguageVersionDiscoverer().getDefaultLanguageVersion(language));
             TextDocument document = TextDocument.create(textFile)) {
            lexer.tokenize(document, recorder);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return recorder;
    }

    /** A rolling hash of every run of {@code minimumTokens} consecutive tokens. */
    private int[] runHashes(int[] tokens, int size) {
        int[] hashes = new int[size - minimumTokens + 1];
        int power = 1;
        for (int i = 0; i < minimumTokens; i++) {
            power *= MULTIPLIER;
        }
        int hash = 0;
        for (int i = 0; i < size; i++) {
            hash = hash * MULTIPLIER + tokens[i];
            if (i >= minimumTokens) {
                hash -= power * tokens[i - minimumTokens];
            }
            if (i >= minimumTokens - 1) {
                hashes[i - minimumTokens + 1] = hash;
            }
        }
        return hashes;
    }

    /** Records each token's image number; notes when a lexer goes back to change a token it recorded. */
    private final class Tokens implements TokenFactory {
        private int[] ids = new int[1024];
        private int size;
        private boolean rewritten;

        @Override
        public void recordToken(String image, int startLine, int startCol, int endLine, int endCol) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = imageIds.computeIfAbsent(image, i -> imageIds.size() + 1);
        }

        @Override
        public void setImage(TokenEntry entry, String newImage) {
            rewritten = true;
        }

        @Override
        public TokenEntry peekLastToken() {
            return null;
        }

        @Override
        public LexException makeLexException(int line, int column, String message, Throwable cause) {
            return new LexException(line, column, null, message, cause);
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    /** Union-find over file indexes; a group is worth searching when it holds a run seen twice. */
    private static final class FileGroups {
        private final int[] parent;
        private final boolean[] repeated;

        FileGroups(int files) {
            parent = new int[files];
            repeated = new boolean[files];
            for (int i = 0; i < files; i++) {
                parent[i] = i;
            }
        }

        void join(int a, int b) {
            int rootA = root(a);
            int rootB = root(b);
            int root = Math.min(rootA, rootB);
            parent[rootA] = root;
            parent[rootB] = root;
            repeated[root] = true;
        }

        private int root(int file) {
            while (parent[file] != file) {
                parent[file] = parent[parent[file]];
                file = parent[file];
            }
            return file;
        }

        List<List<Path>> toLists(List<Path> paths) {
            Map<Integer, List<Path>> byRoot = new LinkedHashMap<>();
            for (int file = 0; file < parent.length; file++) {
                int root = root(file);
                if (repeated[root]) {
                    byRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(paths.get(file));
                }
            }
            return new ArrayList<>(byRoot.values());
        }
    }
}
