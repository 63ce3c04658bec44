package dev.autocoder.workers.analysis.pmd;

import java.nio.file.Path;

/** A small Java tree with planted problems at known lines, shared by the PMD and perspective tests. */
public final class PmdFixtures {

    public static final String ORDER_SERVICE = "src/main/java/com/acme/shop/OrderService.java";
    public static final String PRICING = "src/main/java/com/acme/shop/Pricing.java";
    public static final String REGISTRY = "src/main/java/com/acme/shop/Registry.java";
    public static final String BROKEN = "src/main/java/com/acme/shop/Broken.java";
    public static final String BINARY = "src/main/java/com/acme/shop/Blob.java";
    public static final String ORDER_SERVICE_TEST = "src/test/java/com/acme/shop/OrderServiceTest.java";

    /** Line of the planted empty catch block in {@link #ORDER_SERVICE}. */
    public static final int EMPTY_CATCH_LINE = 20;
    /** Line of the planted string concatenation in a loop in {@link #ORDER_SERVICE}. */
    public static final int STRING_APPEND_LINE = 11;

    private PmdFixtures() {
    }

    public static void writeShop(Path root) {
        TestSnapshots.write(root, ORDER_SERVICE, """
                package com.acme.shop;

                import java.util.List;

                public class OrderService {
                    private int neverRead;

                    public String describe(List<String> items) {
                        String text = "";
                        for (String item : items) {
                            text += item;
                        }
                        return text;
                    }

                    public int parse(String value) {
                        int notRead = 42;
                        try {
                            return Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                        }
                        return -1;
                    }
                }
                """);
        StringBuilder pricing = new StringBuilder("""
                package com.acme.shop;

                public class Pricing {
                    public double rate(String region) {
                        // one branch per region: twenty decisions (a switch over them would count once)
                        // and the fall-back rate
                """);
        for (int i = 1; i <= 20; i++) {
            pricing.append("        if (\"R").append(i).append("\".equals(region)) { return ").append(i).append(".5; }\n");
        }
        pricing.append("""
                        return 0;
                    }
                }
                """);
        TestSnapshots.write(root, PRICING, pricing.toString());
        TestSnapshots.write(root, REGISTRY, """
                package com.acme.shop;

                import java.util.HashMap;
                import java.util.Map;

                public class Registry {
                    private static Registry instance;
                    private final Map<String, String> names = new HashMap<>();

                    public static Registry get() {
                        if (instance == null) {
                            instance = new Registry();
                        }
                        return instance;
                    }

                    public synchronized void put(String key, String value) {
                        names.put(key, value);
                    }

                    public String all() {
                        StringBuffer out = new StringBuffer();
                        for (String name : names.values()) {
                            out.append(name + ",");
                        }
                        return out.toString();
                    }
                }
                """);
        TestSnapshots.write(root, BROKEN, "package com.acme.shop;\n\npublic class Broken {\n    void m( {\n}\n");
        TestSnapshots.writeBytes(root, BINARY, new byte[]{'p', 'a', 'c', 'k', 0, 0, 1, 2, 3, '\n'});
        TestSnapshots.write(root, ORDER_SERVICE_TEST, """
                package com.acme.shop;

                import org.junit.jupiter.api.Test;

                class OrderServiceTest {
                    @Test
                    void parses() {
                        new OrderService().parse("1");
                    }
                }
                """);
    }

    /**
     * 40 lines: 4 methods of 45 CPD tokens each (50 Java tokens minus 5 semicolons, which CPD's Java lexer skips).
     */
    public static String sharedBlock() {
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            block.append("""
                        int block%d(int x) {
                            int y = x * 2;
                            if (y > 10) {
                                y = y - 3;
                            } else {
                                y = y + 7;
                            }
                            System.out.println(y);
                            return y;
                        }
                    """.formatted(i));
        }
        return block.toString();
    }

    /** Lines 1-4 and 45-46 differ between the files, and so do the tokens right before and after the block. */
    public static void writeTwoFilesSharingTheBlock(Path root) {
        TestSnapshots.write(root, "src/main/java/p/A.java",
                "package p;\n\nclass A {\n    int onlyInA = 1;\n" + sharedBlock() + "    String tailA() { return \"a\"; }\n}\n");
        TestSnapshots.write(root, "src/main/java/p/B.java",
                "package p;\n\nclass B {\n    void onlyInB() { }\n" + sharedBlock() + "    long tailB = 2L;\n}\n");
    }
}
