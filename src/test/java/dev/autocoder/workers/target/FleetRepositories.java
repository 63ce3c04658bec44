package dev.autocoder.workers.target;

import org.eclipse.jgit.api.Git;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small real git repositories, made with JGit, for tests of a list of targets. */
public final class FleetRepositories {

    private FleetRepositories() {
    }

    /** A Java project of a few classes (one with an empty catch block) in one commit on main. */
    public static Path create(Path root, String name) throws Exception {
        Path folder = root.resolve(name);
        write(folder, "pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId>"
                + "<artifactId>" + name + "</artifactId><version>1</version></project>\n");
        write(folder, "src/main/java/org/example/" + name + "/Greeter.java", """
                package org.example.%s;

                public class Greeter {
                    public String greet(String who) {
                        try {
                            return "Hello, " + who.trim();
                        } catch (RuntimeException e) {
                        }
                        return "Hello";
                    }
                }
                """.formatted(name));
        write(folder, "src/main/java/org/example/" + name + "/Counter.java", """
                package org.example.%s;

                public class Counter {
                    private int count;

                    public int next() {
                        return ++count;
                    }
                }
                """.formatted(name));
        try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Initial import of " + name).setAuthor("Fleet", "fleet@example.org")
                    .setCommitter("Fleet", "fleet@example.org").call();
        }
        return folder.toRealPath();
    }

    private static void write(Path folder, String path, String content) throws Exception {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
