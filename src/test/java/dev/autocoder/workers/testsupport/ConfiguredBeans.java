package dev.autocoder.workers.testsupport;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.util.List;
import java.util.Map;

/**
 * The beans of one type that a feature's configuration declares, made by Spring from the given collaborators, as the
 * application makes them: a harness gets the feature's real set of beans without naming their (package-private) classes.
 */
public final class ConfiguredBeans {
    private ConfiguredBeans() {
    }

    /** @param collaborators the beans the configuration's beans need, by bean name (a {@code @Qualifier} matches it) */
    public static <T> List<T> of(Class<?> configuration, Class<T> type, Map<String, Object> collaborators) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            collaborators.forEach((name, bean) -> register(context, name, bean));
            context.register(configuration);
            context.refresh();
            return List.copyOf(context.getBeansOfType(type).values());
        }
    }

    @SuppressWarnings("unchecked")
    private static <B> void register(AnnotationConfigApplicationContext context, String name, B bean) {
        context.registerBean(name, (Class<B>) bean.getClass(), () -> bean);
    }
}
