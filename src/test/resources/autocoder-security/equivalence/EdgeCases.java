package fixtures;

import java.io.InputStream;
import java.io.ObjectInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;

/**
 * Look-alikes at the edges of the security rules (lambdas, nested and anonymous classes, enums, records, field
 * initializers, parentheses, text blocks): not asserted line by line, only that the Java rules and the XPath rules
 * they replaced report the same.
 */
class EdgeCases {

    private static final String WEAK = "MD5";
    private static final String[] FIXED = {"git", "status"};
    private static final Supplier<Process> IN_FIELD = () -> {
        try {
            return Runtime.getRuntime().exec(System.getenv("CMD"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    };
    private final DocumentBuilderFactory fieldFactory = DocumentBuilderFactory.newInstance();
    private final Random sessionRandom = new Random() { };
    private static final HostnameVerifier ANY = (h, s) -> (true);

    void processes(String user, List<String> args) throws Exception {
        String fixed = "ls";
        new ProcessBuilder(fixed, "-l").start();
        new ProcessBuilder(List.of(fixed)).start();
        new ProcessBuilder(List.of("a", user)).start();
        new ProcessBuilder(Arrays.asList(FIXED)).start();
        new ProcessBuilder(FIXED).start();
        String[] array = new String[] {"a", "b"};
        Runtime.getRuntime().exec(array);
        String late;
        late = "x";
        Runtime.getRuntime().exec(late);
        Runtime.getRuntime().exec(new String[2]);
        Runnable r = () -> {
            String inner = user;
            new ProcessBuilder().command(inner);
        };
        for (String each : args) {
            Runtime.getRuntime().exec(each);
        }
        new ProcessBuilder().command(args).command();
    }

    Object streams(InputStream in) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        Runnable later = () -> ois.setObjectInputFilter(info -> null);
        Object a = ois.readObject();
        Object b = new Object() {
            Object read() throws Exception {
                return ois.readUnshared();
            }
        }.read();
        return a == null ? b : ((ObjectInputStream) ois).readObject();
    }

    Object handedAndRead(InputStream in) throws Exception {
        ObjectInputStream both = new ObjectInputStream(in);
        java.util.Objects.requireNonNull(both);
        Object inner = new Object() {
            Object read(ObjectInputStream in) throws Exception {
                return in.readObject();
            }
        }.read(new ObjectInputStream(in));
        return inner == null ? both.readObject() : inner;
    }

    EdgeCases(ObjectInputStream handed) throws Exception {
        handed.readUnshared();
        Supplier<ObjectInputStream> made = () -> {
            try {
                return new java.io.ObjectInputStream(in());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };
        new java.io.BufferedInputStream(new ObjectInputStream(in()));
    }

    private static InputStream in() {
        return InputStream.nullInputStream();
    }

    EdgeCases() throws Exception {
        ObjectInputStream constructorStream = new ObjectInputStream(InputStream.nullInputStream());
        constructorStream.readObject();
    }

    static {
        SAXParserFactory.newInstance();
        DocumentBuilderFactory unused = DocumentBuilderFactory.newDefaultInstance();
        unused.setNamespaceAware(true);
    }

    void xml() throws Exception {
        Runnable r = () -> SAXParserFactory.newNSInstance();
        SAXParserFactory configured = SAXParserFactory.newDefaultNSInstance();
        r.run();
        configured.setXIncludeAware(false);
        javax.xml.stream.XMLInputFactory.newDefaultFactory();
        javax.xml.transform.TransformerFactory.newDefaultInstance();
    }

    void sql(Statement statement, Connection connection, String name, int id, Integer boxed, char c, long[] ids)
            throws Exception {
        statement.execute("select " + (id + 1));
        statement.execute("select " + (name + id));
        statement.execute("select " + boxed);
        statement.execute("select " + c);
        statement.execute("select " + ids[0]);
        statement.executeLargeUpdate("delete from t where a = " + name.length() + " and b = '" + name.trim() + "'");
        statement.execute("""
                select 1
                """ + name);
        String sql = "select 1";
        sql += " union select 2";
        statement.execute(sql);
        String other = "select * from " + name;
        Runnable r = () -> {
            try {
                statement.executeQuery(other);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String reused;
        reused = "select " + name;
        connection.prepareStatement(reused).execute();
        connection.prepareCall(String.format("call %s", name));
        statement.addBatch(name + "");
        statement.execute(1 + 2 + "x" + name);
    }

    static final class Hashes {
        private static final String LEGACY = "sha";
        private static final String TEXT = """
                MD4""";

        byte[] nested(byte[] data) throws Exception {
            MessageDigest.getInstance(WEAK);
            MessageDigest.getInstance(LEGACY);
            MessageDigest.getInstance(TEXT.strip());
            MessageDigest.getInstance("sha-1", "SUN");
            MessageDigest.getInstance("SHA-512");
            org.apache.commons.codec.digest.DigestUtils.sha(data);
            org.apache.commons.codec.digest.DigestUtils.getShaDigest();
            org.apache.commons.codec.digest.DigestUtils.sha384Hex(data);
            return MessageDigest.getInstance(Locals.ALGORITHM).digest(data);
        }
    }

    enum Algorithms {
        A;

        private static final String SHA1 = "SHA1";

        void weak() throws Exception {
            MessageDigest.getInstance(SHA1);
            DocumentBuilderFactory.newInstance();
        }
    }

    record Locals(String apiKey) {
        static final String ALGORITHM = "MD2";

        Locals {
            int otp = new Random().nextInt();
            javax.xml.parsers.DocumentBuilderFactory.newInstance().setFeature("x", true);
        }
    }

    static class SecretHolder {
        String SESSION_ID = Integer.toString(new Random().nextInt());
        String keyboardLayout = Integer.toString(new Random().nextInt());
        String privateValue = Double.toString(Math.random());
        String[] ivs = new String[ThreadLocalRandom.current().nextInt(3)];
        long nonceCount = ThreadLocalRandom.current().longs(3).count();
        double generateIv = new Random().doubles().findFirst().orElse(0);

        String HTTPToken() {
            return Long.toString(ThreadLocalRandom.current().nextLong());
        }

        void apply(SecretHolder other) {
            other.keyboardLayout = Integer.toString(new Random().nextInt());
            other.privateValue = storeKey(new Random().nextInt());
            int[] slots = new int[2];
            slots[new Random().nextInt(2)] = 1;
        }

        String storeKey(int value) {
            return Integer.toString(value);
        }
    }

    static class TrustManagers {
        javax.net.ssl.X509TrustManager named = new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                ;
            }

            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                Runnable nothing = () -> { };
            }

            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return null;
            }
        };

        HostnameVerifier maybe = (host, session) -> false;
        HostnameVerifier twoStatements = (host, session) -> {
            System.out.println(host);
            return true;
        };
        Object apache = new org.apache.http.conn.ssl.NoopHostnameVerifier();

        abstract static class Verifier implements HostnameVerifier {
            public boolean verify(String host, javax.net.ssl.SSLSession session) {
                return (true);
            }

            abstract void checkServerTrusted();
        }
    }
}
