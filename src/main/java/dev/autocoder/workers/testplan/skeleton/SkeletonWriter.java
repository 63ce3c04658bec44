package dev.autocoder.workers.testplan.skeleton;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.testplan.plan.TestSkeleton;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Writes rendered skeletons under {@code autocoder.testplan.output-dir}/{perspective}/. A folder inside the
 * target repository is used only when output-dir is set explicitly; the default is refused there so the planner
 * never writes into the repository it analyzes by accident. Each file is written to a temporary file and moved
 * into place, so a reader never sees half a file.
 */
@Component
public class SkeletonWriter {

    private final Path outputDir;
    private final boolean configured;

    @org.springframework.beans.factory.annotation.Autowired
    public SkeletonWriter(AutocoderProperties properties) {
        this(properties.getTestplan().getOutputDir(), properties.getTestplan().isOutputDirConfigured());
    }

    SkeletonWriter(Path outputDir, boolean configured) {
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.configured = configured;
    }

    public Path outputDir() {
        return outputDir;
    }

    /** Writes the skeletons; returns a note when they could not be written (the row keeps them either way). */
    public Optional<String> write(Snapshot snapshot, String perspectiveId, List<TestSkeleton> skeletons) {
        if (skeletons.isEmpty()) {
            return Optional.empty();
        }
        Path root = snapshot.root().toAbsolutePath().normalize();
        if (!configured && outputDir.startsWith(root)) {
            return Optional.of("Skeletons are in this row only: the default output folder " + outputDir
                    + " lies inside the target repository; set autocoder.testplan.output-dir to write them.");
        }
        Path folder = outputDir.resolve(perspectiveId);
        try {
            for (TestSkeleton skeleton : skeletons) {
                Path file = folder.resolve(skeleton.path()).normalize();
                if (!file.startsWith(folder)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), ".skeleton", ".tmp");
                Files.writeString(temporary, skeleton.source(), StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("Skeletons could not be written to " + folder + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
