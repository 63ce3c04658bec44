package dev.autocoder.workers.javamodel;

/** A method with the file and type that declare it. */
public record MethodRef(FileModel file, TypeModel type, MethodModel method) {

    /** {@code com.acme.Orders#parse(String)}: the identity of a method across commits. */
    public String key() {
        return type.qualifiedName() + "#" + method.signature();
    }

    /** The method can be called from outside its package (public method of a public type). */
    public boolean isApi() {
        return type.isPublic() && (method.isPublic() || (method.visibility().equals("protected") && !type.kind().equals("record")));
    }
}
