package dev.autocoder.workers.analysis.secrets;

import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds committed secrets in every text file of a snapshot, whatever its language: private keys, AWS keys,
 * GitHub, Hugging Face and Slack tokens by their formats, and high-entropy values assigned to secret-looking
 * names ({@code password}, {@code api_key}, ...) in code, properties, YAML, JSON, XML and env files.
 * <p>
 * Findings carry a fingerprint (first 8 hex characters of the value's SHA-256), never the value. Binary and
 * oversized files (as flagged by the snapshot), unreadable files and lines longer than
 * {@link #MAX_LINE_LENGTH} are skipped and counted. Each file is scanned in one pass with precompiled patterns.
 */
@Component
public class SecretScanner {

    /**
     * Lines longer than this are skipped: minified bundles and embedded data would cost much and rarely hold a
     * hand-written secret. A single-line PEM key in JSON (about 1,700 to 3,300 characters) is still scanned.
     */
    public static final int MAX_LINE_LENGTH = 5_000;

    /** Results per (path, content hash) of the last scan: an unchanged file is not read again. */
    private Map<String, FileScan> cache = Map.of();

    private record FileScan(List<SecretFinding> findings, int longLinesSkipped) {
    }

    public synchronized SecretScanResult scan(Snapshot snapshot) {
        Map<String, FileScan> current = new HashMap<>();
        List<SecretFinding> findings = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int scanned = 0;
        int binary = 0;
        int oversized = 0;
        int longLines = 0;
        for (SourceFile file : snapshot.files()) {
            if (file.binary()) {
                binary++;
                continue;
            }
            if (file.oversized()) {
                oversized++;
                continue;
            }
            String key = file.path() + '\u0000' + file.contentHash();
            FileScan result = cache.get(key);
            if (result == null) {
                String text;
                try {
                    text = snapshot.read(file);
                } catch (IOException | UncheckedIOException | SecurityException e) {
                    unreadable.add(file.path());
                    continue;
                }
                TextSecretScan scan = new TextSecretScan(file.path(), file.language(), text);
                result = new FileScan(scan.run(), scan.longLinesSkipped());
            }
            current.put(key, result);
            findings.addAll(result.findings());
            longLines += result.longLinesSkipped();
            scanned++;
        }
        cache = current;
        findings.sort(Comparator.comparing(SecretFinding::file).thenComparingInt(SecretFinding::line)
                .thenComparing(SecretFinding::rule));
        return new SecretScanResult(findings, scanned, binary, oversized, unreadable, longLines);
    }

    /** Scans one text; the language (which decides whether unquoted values count) comes from the path. */
    public List<SecretFinding> scanText(String path, String text) {
        if (text == null) {
            return List.of();
        }
        return new TextSecretScan(path, Language.of(path), text).run();
    }
}
