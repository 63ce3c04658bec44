package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The package's beans wire by constructor injection from the bound {@code autocoder.*} settings. */
class RepositoryBeansTest {

    @TempDir
    Path dir;

    @Configuration
    @EnableConfigurationProperties(AutocoderProperties.class)
    @Import({TargetRepository.class, SnapshotService.class, GitChurn.class})
    static class Beans {
    }

    @Test
    void snapshotAndChurnComeFromTheConfiguredTarget() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("Main.java", "class Main {}\n");
            String head = repo.commitAll("first", GitFixture.PAST).name();

            new ApplicationContextRunner().withUserConfiguration(Beans.class)
                    .withPropertyValues("autocoder.target.path=" + dir, "autocoder.analysis.churn-window=7d")
                    .run(context -> {
                        Snapshot snapshot = context.getBean(SnapshotService.class).current();
                        assertThat(snapshot.commit()).isEqualTo(head);
                        assertThat(context.getBean(ChurnProvider.class).churn(snapshot).orElseThrow())
                                .containsExactly(new FileChurn("Main.java", 1, 1, 0));
                    });
        }
    }
}
