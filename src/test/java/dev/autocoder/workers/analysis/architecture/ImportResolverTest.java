package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportResolverTest {

    private final ImportResolver resolver = new ImportResolver(List.of(
            file("shop/src/Order.java", "com.shop", "com.shop.Order", "com.shop.Order.Line"),
            file("shop/src/Money.java", "com.shop.util", "com.shop.util.Money")));

    @Test
    void singleTypeImportOfAProjectType() {
        assertThat(resolver.resolve("com.shop.util.Money"))
                .isEqualTo(new ResolvedImport(ResolvedImport.Kind.PROJECT_TYPE, "com.shop.util", "com.shop.util.Money"));
    }

    @Test
    void nestedTypeResolvesToTheOuterTypesPackage() {
        assertThat(resolver.resolve("com.shop.Order.Line"))
                .isEqualTo(new ResolvedImport(ResolvedImport.Kind.PROJECT_TYPE, "com.shop", "com.shop.Order.Line"));
        assertThat(resolver.resolve("com.shop.Order.Line.Undeclared"))
                .isEqualTo(new ResolvedImport(ResolvedImport.Kind.PROJECT_TYPE, "com.shop", "com.shop.Order.Line"));
    }

    @Test
    void wildcardOfAPackageOrOfAType() {
        assertThat(resolver.resolve("com.shop.util.*"))
                .isEqualTo(new ResolvedImport(ResolvedImport.Kind.PROJECT_PACKAGE, "com.shop.util", null));
        assertThat(resolver.resolve("com.shop.Order.*"))
                .isEqualTo(new ResolvedImport(ResolvedImport.Kind.PROJECT_TYPE, "com.shop", "com.shop.Order"));
    }

    @Test
    void staticImportsOfMembersAndOfAllMembers() {
        assertThat(resolver.resolve("static com.shop.util.Money.of"))
                .isEqualTo(new ResolvedImport(ResolvedImport.Kind.PROJECT_TYPE, "com.shop.util", "com.shop.util.Money"));
        assertThat(resolver.resolve("static com.shop.util.Money.*"))
                .isEqualTo(new ResolvedImport(ResolvedImport.Kind.PROJECT_TYPE, "com.shop.util", "com.shop.util.Money"));
        assertThat(resolver.resolve("static com.shop.Order.Line.parse").typeName()).isEqualTo("com.shop.Order.Line");
    }

    @Test
    void externalImportsGetTheirConventionalPackage() {
        assertThat(resolver.resolve("java.util.Map.Entry"))
                .isEqualTo(new ResolvedImport(ResolvedImport.Kind.EXTERNAL, "java.util", null));
        assertThat(resolver.resolve("java.util.concurrent.*"))
                .isEqualTo(new ResolvedImport(ResolvedImport.Kind.EXTERNAL, "java.util.concurrent", null));
        assertThat(resolver.resolve("static org.assertj.core.api.Assertions.assertThat"))
                .isEqualTo(new ResolvedImport(ResolvedImport.Kind.EXTERNAL, "org.assertj.core.api", null));
        // A sibling of a project package is not the project's.
        assertThat(resolver.resolve("com.shopping.Cart").kind()).isEqualTo(ResolvedImport.Kind.EXTERNAL);
    }

    @Test
    void undeclaredTypeInAProjectPackageIsUnresolved() {
        assertThat(resolver.resolve("com.shop.util.Gone"))
                .isEqualTo(new ResolvedImport(ResolvedImport.Kind.UNRESOLVED, "com.shop.util", null));
    }

    private static JavaFileModel file(String path, String packageName, String... typeNames) {
        List<JavaTypeModel> types = java.util.Arrays.stream(typeNames)
                .map(name -> new JavaTypeModel(name.substring(name.lastIndexOf('.') + 1), name, "class", true, false,
                        false, 1, 10, List.of()))
                .toList();
        return new JavaFileModel(path, "0".repeat(40), packageName, List.of(), types, null);
    }
}
