package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.MethodRef;

import java.util.Set;

/** Java methods whose parameters come from outside the program: HTTP endpoints and {@code main}. */
final class JavaEntryPoints {

    private static final Set<String> ENDPOINT_ANNOTATIONS = Set.of("GetMapping", "PostMapping", "PutMapping", "DeleteMapping",
            "PatchMapping", "RequestMapping", "GET", "POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> SERVLET_METHODS = Set.of("doGet", "doPost", "doPut", "doDelete");

    private JavaEntryPoints() {
    }

    /** A Spring or JAX-RS endpoint method, or a servlet's doGet/doPost/doPut/doDelete. */
    static boolean httpEndpoint(MethodRef m) {
        MethodModel method = m.method();
        return method.annotations().stream().anyMatch(a -> ENDPOINT_ANNOTATIONS.contains(a.substring(a.lastIndexOf('.') + 1)))
                || SERVLET_METHODS.contains(method.name()) && m.type().supertypes().contains("HttpServlet");
    }

    /** {@code public static void main(String[])}. */
    static boolean main(MethodRef m) {
        MethodModel method = m.method();
        return method.name().equals("main") && method.isStatic() && method.isPublic() && method.params().size() == 1
                && method.params().get(0).type().replace(" ", "").matches("String(\\[]|\\.\\.\\.)");
    }
}
