package dev.autocoder.workers.testplan.rules;

import java.util.Set;

/** Whether an exception type is checked, from the JDK's well-known types (no classpath is used). */
final class Exceptions {

    private static final Set<String> UNCHECKED = Set.of("RuntimeException", "IllegalArgumentException",
            "IllegalStateException", "NullPointerException", "UnsupportedOperationException", "ArithmeticException",
            "ClassCastException", "IndexOutOfBoundsException", "ArrayIndexOutOfBoundsException",
            "StringIndexOutOfBoundsException", "NumberFormatException", "ConcurrentModificationException",
            "UncheckedIOException", "DateTimeException", "DateTimeParseException", "NoSuchElementException",
            "SecurityException", "ArrayStoreException", "NegativeArraySizeException", "Error", "AssertionError",
            "OutOfMemoryError", "StackOverflowError", "IllegalMonitorStateException", "EmptyStackException",
            "MissingResourceException", "InputMismatchException", "DataAccessException");

    private static final Set<String> CHECKED = Set.of("Exception", "Throwable", "IOException", "FileNotFoundException",
            "SQLException", "InterruptedException", "TimeoutException", "ExecutionException", "URISyntaxException",
            "MalformedURLException", "ClassNotFoundException", "CloneNotSupportedException", "ParseException",
            "GeneralSecurityException", "NoSuchAlgorithmException", "InvalidKeyException", "JMSException",
            "ReflectiveOperationException", "NoSuchMethodException", "NoSuchFieldException", "IllegalAccessException",
            "InstantiationException", "InvocationTargetException", "UnsupportedEncodingException", "EOFException",
            "SocketException", "UnknownHostException", "ConnectException", "SocketTimeoutException",
            "HttpTimeoutException", "JsonProcessingException", "AccessDeniedException", "NoSuchFileException",
            "FileAlreadyExistsException", "DirectoryNotEmptyException");

    private Exceptions() {
    }

    /** TRUE when checked, FALSE when unchecked, null when the type is not one the planner knows. */
    public static Boolean isChecked(String type) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        if (UNCHECKED.contains(simple)) {
            return Boolean.FALSE;
        }
        if (CHECKED.contains(simple)) {
            return Boolean.TRUE;
        }
        return null;
    }
}
