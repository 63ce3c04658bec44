package dev.autocoder.workers.testplan.skeleton;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.testplan.plan.TestSkeleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Skeleton files go under the output folder, never into the target unless the folder was configured there. */
class SkeletonWriterTest {

    @TempDir
    Path temp;

    private static final List<TestSkeleton> ONE = List.of(new TestSkeleton("a/b/XTest.java", "a.b.XTest", List.of("id1"),
            "package a.b;\nclass XTest {}\n"));

    @Test
    void writesUnderThePerspectivesFolder() throws Exception {
        Path target = temp.resolve("repo");
        TestSnapshots.write(target, "A.java", "class A {}\n");
        Snapshot snapshot = TestSnapshots.of(target);
        SkeletonWriter writer = new SkeletonWriter(temp.resolve("plans"), false);

        assertThat(writer.write(snapshot, "edge-cases", ONE)).isEmpty();
        assertThat(temp.resolve("plans/edge-cases/a/b/XTest.java")).hasContent("package a.b;\nclass XTest {}");
    }

    @Test
    void theDefaultFolderInsideTheTargetIsRefusedAndAnExplicitOneIsUsed() throws Exception {
        Path target = temp.resolve("repo");
        TestSnapshots.write(target, "A.java", "class A {}\n");
        Snapshot snapshot = TestSnapshots.of(target);
        Path inside = target.resolve(".autocoder/test-plans");

        assertThat(new SkeletonWriter(inside, false).write(snapshot, "edge-cases", ONE)).hasValueSatisfying(note ->
                assertThat(note).isEqualTo("Skeletons are in this row only: the default output folder " + inside
                        + " lies inside the target repository; set autocoder.testplan.output-dir to write them."));
        assertThat(inside).doesNotExist();

        assertThat(new SkeletonWriter(inside, true).write(snapshot, "edge-cases", ONE)).isEmpty();
        assertThat(inside.resolve("edge-cases/a/b/XTest.java")).exists();
    }
}
