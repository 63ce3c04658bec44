package dev.autocoder.workers;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration scans nothing: every bean class of ours ({@code @Component}, {@code @Configuration}) is
 * named in an {@code @Import} reachable from {@link AutocoderAutoConfiguration}, so a class that is annotated but
 * not listed (it would silently not exist, in a host or in our application) fails here, by name.
 */
class ExplicitImportsTest {

    @Test
    void everyAnnotatedBeanClassIsImportedFromTheAutoConfiguration() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        Set<String> annotated = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.autocoder.workers")) {
            if (isMainCode(candidate.getBeanClassName())) {
                annotated.add(candidate.getBeanClassName());
            }
        }
        annotated.remove("dev.autocoder.workers.AutocoderApplication");

        assertThat(annotated).contains("dev.autocoder.workers.dashboard.AdminGuard");
        assertThat(importedFrom(AutocoderAutoConfiguration.class)).containsAll(annotated);
    }

    @Test
    void noImportedConfigurationScansPackages() {
        for (Class<?> type : importedTypes(AutocoderAutoConfiguration.class)) {
            assertThat(type.isAnnotationPresent(ComponentScan.class)).as(type.getName()).isFalse();
        }
    }

    /** Tests declare configurations of their own; only the jar's classes count. */
    private static boolean isMainCode(String className) {
        try {
            return !Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className, e);
        }
    }

    private static Set<String> importedFrom(Class<?> root) {
        Set<String> names = new HashSet<>();
        importedTypes(root).forEach(type -> names.add(type.getName()));
        return names;
    }

    private static Set<Class<?>> importedTypes(Class<?> root) {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Class<?> type = todo.poll();
            Import imports = type.getAnnotation(Import.class);
            if (seen.add(type) && imports != null) {
                todo.addAll(List.of(imports.value()));
            }
        }
        return seen;
    }
}
