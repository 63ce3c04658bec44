package dev.autocoder.workers.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Java code of releases 16 to 22 (records, sealed interfaces with permits, non-sealed classes, switch patterns with
 * record patterns and guards, text blocks, {@code var}, instanceof patterns, unnamed variables {@code _}) and the
 * build files that declare a level for it.
 */
public final class ModernJavaFixture {

    public static final String GEOMETRY = "src/main/java/com/acme/shapes/Geometry.java";
    /** The files that use no syntax newer than Java 17. */
    public static final List<String> JAVA_17_FILES = List.of("src/main/java/com/acme/shapes/Shape.java",
            "src/main/java/com/acme/shapes/Circle.java", "src/main/java/com/acme/shapes/Square.java",
            "src/main/java/com/acme/shapes/Group.java");

    private ModernJavaFixture() {
    }

    /** Writes the code; {@link #GEOMETRY} needs Java 22 (unnamed variables), the other files Java 17. */
    public static void writeCode(Path root) {
        writeCode(root, "");
    }

    /** Writes the code into a folder ("" or ending in '/') of the repository. */
    public static void writeCode(Path root, String folder) {
        write(root, folder + JAVA_17_FILES.get(0), """
                package com.acme.shapes;

                public sealed interface Shape permits Circle, Square, Group {
                }
                """);
        write(root, folder + JAVA_17_FILES.get(1), """
                package com.acme.shapes;

                public record Circle(double radius) implements Shape {
                    public Circle {
                        if (radius < 0) {
                            throw new IllegalArgumentException("negative radius " + radius);
                        }
                    }
                }
                """);
        write(root, folder + JAVA_17_FILES.get(2), """
                package com.acme.shapes;

                public record Square(double side) implements Shape {
                }
                """);
        write(root, folder + JAVA_17_FILES.get(3), """
                package com.acme.shapes;

                import java.util.List;

                public non-sealed class Group implements Shape {
                    private final List<Shape> members;

                    public Group(List<Shape> members) {
                        this.members = List.copyOf(members);
                    }

                    public List<Shape> members() {
                        return members;
                    }
                }
                """);
        write(root, folder + GEOMETRY, """
                package com.acme.shapes;

                import java.util.List;

                public final class Geometry {

                    private Geometry() {
                    }

                    public static double area(Shape shape) {
                        return switch (shape) {
                            case Circle(var radius) when radius == 0 -> 0;
                            case Circle(double radius) -> Math.PI * radius * radius;
                            case Square(double side) -> side * side;
                            case Group group -> group.members().stream().mapToDouble(Geometry::area).sum();
                        };
                    }

                    public static String describe(Object value) {
                        if (value instanceof Circle circle && circle.radius() > 1) {
                            return "large circle";
                        }
                        var text = \"""
                                shape:
                                  %s
                                \""";
                        return text.formatted(value);
                    }

                    public static int count(List<Shape> shapes) {
                        int total = 0;
                        for (Shape _ : shapes) {
                            total++;
                        }
                        return total;
                    }

                    public static boolean isSquare(Shape shape) {
                        return shape instanceof Square(var _);
                    }
                }
                """);
    }

    /** A pom.xml that sets {@code maven.compiler.release}. */
    public static void writePom(Path root, String folder, String release) {
        write(root, folder + "pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId>
                  <artifactId>shapes</artifactId>
                  <version>1.0</version>
                  <properties>
                    <maven.compiler.release>%s</maven.compiler.release>
                  </properties>
                </project>
                """.formatted(release));
    }

    public static void write(Path root, String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
