package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Placeholder until the repository package lands: a plain walk of the local target. */
@Component
public class SnapshotService {
    private final AutocoderProperties properties;

    public SnapshotService(AutocoderProperties properties) {
        this.properties = properties;
    }

    public Snapshot current() throws IOException {
        Path root = properties.getTarget().getPath().toAbsolutePath().normalize();
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".git/") || rel.startsWith(".autocoder/") || rel.contains("target/")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(p);
                boolean binary = false;
                for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                    binary |= bytes[i] == 0;
                }
                String hash = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes).name();
                int lines = binary ? 0 : (int) new String(bytes).lines().count();
                files.add(new SourceFile(rel, Language.of(rel), bytes.length, lines, hash, binary, false));
            }
        }
        return new Snapshot(root, root.toString(), null, false, Instant.now(), files, Integer.toHexString(files.hashCode()));
    }
}
