package dev.autocoder.workers.repository;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells binary content from text by its first {@value #PROBE_BYTES} bytes. Text is content that decodes as
 * UTF-8 (or as UTF-16 after a byte-order mark) in which control characters other than tab, newline, carriage
 * return, form feed and escape make up at most {@value #MAX_CONTROL_PERCENT}% of the characters; content that
 * is not UTF-8 still counts as text in a legacy 8-bit encoding (ISO-8859-1, windows-1252) when it has no NUL byte
 * and the same small share of control bytes. So a source file with a NUL or another control character inside
 * a string literal is text (the compilers and PMD read it), while images, archives, class files and the like
 * are binary: their bytes are not UTF-8 and about one in nine of them is a control byte, NULs included.
 */
public final class BinaryContent {

    /** How much of a file's head is looked at. */
    public static final int PROBE_BYTES = 8 * 1024;
    static final int MAX_CONTROL_PERCENT = 5;

    private BinaryContent() {
    }

    /**
     * @param bytes  the content, or at least its first {@code length} bytes
     * @param length how many bytes to look at (at most {@link #PROBE_BYTES} are)
     * @param whole  true when those bytes are the whole content (else a multi-byte character may be cut at the end)
     */
    public static boolean isBinary(byte[] bytes, int length, boolean whole) {
        int probe = Math.min(length, PROBE_BYTES);
        boolean complete = whole && probe == length;
        CharBuffer text = decode(bytes, probe, complete);
        if (text != null) {
            return tooManyControls(controls(text), text.length());
        }
        int controls = 0;
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                return true;
            }
            controls += isControl(bytes[i] & 0xFF) ? 1 : 0;
        }
        return tooManyControls(controls, probe);
    }

    /** The text as UTF-16 (after its byte-order mark) or UTF-8, or null when it is neither. */
    private static CharBuffer decode(byte[] bytes, int length, boolean complete) {
        boolean utf16 = length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE);
        Charset charset = utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8;
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult result = decoder.decode(in, out, complete);
        if (result.isError()) {
            return null;
        }
        if (complete && (decoder.flush(out).isError() || in.hasRemaining())) {
            return null;
        }
        return out.flip();
    }

    private static int controls(CharBuffer text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            controls += isControl(text.charAt(i)) ? 1 : 0;
        }
        return controls;
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B || c == 0x7F;
    }

    private static boolean tooManyControls(int controls, int characters) {
        return controls * 100L > (long) characters * MAX_CONTROL_PERCENT;
    }
}
