package dev.autocoder.workers.repository;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class BinaryContentTest {

    private static final String JAVA_WITH_NUL = "package a;\n\nclass Codes {\n    static final String SEPARATOR = \"\0\";\n"
            + "    static final char BELL = '\u0007';\n}\n";

    @Test
    void sourceWithControlCharactersInStringLiteralsIsText() {
        assertThat(binary(JAVA_WITH_NUL.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(binary("class A { String s = \"\0\"; }".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(binary(new byte[0])).isFalse();
    }

    @Test
    void textInOtherEncodingsIsText() {
        String accented = "// Größe, déjà vu, naïve – “quoted”\nclass Übung { String s = \"é\"; }\n";
        assertThat(binary(accented.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(binary(accented.replace('–', '-').replace('“', '"').replace('”', '"')
                .getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(binary(accented.getBytes(Charset.forName("windows-1252")))).isFalse();
        // UTF-16 is text with its byte-order mark (Java's "UTF-16" encoder writes a big-endian one).
        assertThat(binary(accented.getBytes(StandardCharsets.UTF_16))).isFalse();
        byte[] littleEndian = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, accented.getBytes(StandardCharsets.UTF_16LE));
        assertThat(binary(littleEndian)).isFalse();
    }

    @Test
    void aMultiByteCharacterCutByTheProbeDoesNotMakeTextBinary() {
        String text = "a".repeat(BinaryContent.PROBE_BYTES - 1) + "é and more text after the probe\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(BinaryContent.isBinary(bytes, bytes.length, true)).isFalse();
        byte[] head = java.util.Arrays.copyOf(bytes, BinaryContent.PROBE_BYTES);
        assertThat(BinaryContent.isBinary(head, head.length, false)).isFalse();
    }

    @Test
    void realBinaryFormatsAreBinary() throws IOException {
        assertThat(binary(png())).isTrue();
        assertThat(binary(zip())).isTrue();
        assertThat(binary(jar())).isTrue();
        assertThat(binary(classFile())).isTrue();
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        assertThat(binary(noise)).isTrue();
        // UTF-16 without a byte-order mark is not recognised: every other byte of ASCII text is a NUL.
        assertThat(binary("class A {}\n".getBytes(StandardCharsets.UTF_16LE))).isTrue();
    }

    private static boolean binary(byte[] bytes) {
        return BinaryContent.isBinary(bytes, bytes.length, true);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("hello, zip\n".repeat(20).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] jar() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new ZipEntry("dev/autocoder/BinaryContent.class"));
            jar.write(classFile());
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] classFile() throws IOException {
        try (InputStream in = BinaryContent.class.getResourceAsStream("BinaryContent.class")) {
            return in.readAllBytes();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
