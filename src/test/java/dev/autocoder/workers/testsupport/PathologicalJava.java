package dev.autocoder.workers.testsupport;

/** Generated Java sources that are legal but hostile to parsers and rules: the cases of issue 12. */
public enum PathologicalJava {

    /** One method of {@code size} statements like {@code s += i * 2;}. */
    LONG_METHOD {
        @Override
        public String source(String className, int size) {
            StringBuilder text = new StringBuilder(header(className)).append("    int sum(int i) {\n        int s = 0;\n");
            text.append("        s += i * 2;\n".repeat(size));
            return text.append("        return s;\n    }\n}\n").toString();
        }
    },
    /** A return expression inside {@code size} nested parentheses. */
    NESTED_PARENTHESES {
        @Override
        public String source(String className, int size) {
            return header(className) + "    int value(int i) {\n        return " + "(".repeat(size) + "i" + ")".repeat(size)
                    + ";\n    }\n}\n";
        }
    },
    /** One method of {@code size} statements, all on a single line. */
    HUGE_LINE {
        @Override
        public String source(String className, int size) {
            StringBuilder text = new StringBuilder(header(className)).append("    int sum(int i) { int s = 0;");
            for (int k = 0; k < size; k++) {
                text.append(" s += i * ").append(k).append(';');
            }
            return text.append(" return s; }\n}\n").toString();
        }
    },
    /** {@code size} classes, each nested in the one before. */
    NESTED_CLASSES {
        @Override
        public String source(String className, int size) {
            StringBuilder text = new StringBuilder(header(className));
            for (int k = 0; k < size; k++) {
                text.append("class Inner").append(k).append(" {\n");
            }
            return text.append("}\n".repeat(size)).append("}\n").toString();
        }
    };

    /** A compilation unit of package {@code p} declaring {@code className}. */
    public abstract String source(String className, int size);

    private static String header(String className) {
        return "package p;\n\npublic class " + className + " {\n";
    }
}
