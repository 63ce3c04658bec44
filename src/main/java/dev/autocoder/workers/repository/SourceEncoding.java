package dev.autocoder.workers.repository;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * How a text file is decoded, decided as javac would: a byte-order mark names UTF-8 or UTF-16; without one, the
 * encoding the build declares ({@link SourceEncodings}); without a declaration, UTF-8. When the bytes do not decode
 * in that charset, {@code problem} says why and parsers leave the file out.
 *
 * @param charset the charset to read the file with (UTF-8 when there is a problem: its text is then approximate)
 * @param problem why the file cannot be decoded exactly, or null
 */
public record SourceEncoding(Charset charset, String problem) {

    static SourceEncoding of(byte[] bytes, SourceEncodings.Declared declared) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return decodes(bytes, StandardCharsets.UTF_8) ? new SourceEncoding(StandardCharsets.UTF_8, null)
                    : new SourceEncoding(StandardCharsets.UTF_8, "not valid UTF-8 after its UTF-8 byte-order mark");
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            // Java's UTF-16 reads the byte order from the mark and drops it
            return decodes(bytes, StandardCharsets.UTF_16) ? new SourceEncoding(StandardCharsets.UTF_16, null)
                    : new SourceEncoding(StandardCharsets.UTF_8, "not valid UTF-16 after its UTF-16 byte-order mark");
        }
        if (declared == null) {
            return decodes(bytes, StandardCharsets.UTF_8) ? new SourceEncoding(StandardCharsets.UTF_8, null)
                    : new SourceEncoding(StandardCharsets.UTF_8, "not valid UTF-8 and the build declares no source "
                    + "encoding (Maven project.build.sourceEncoding or Gradle options.encoding)");
        }
        Charset charset;
        try {
            charset = Charset.forName(declared.name());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return new SourceEncoding(StandardCharsets.UTF_8, declared.where() + " names the unknown encoding '"
                    + declared.name() + "'");
        }
        return decodes(bytes, charset) ? new SourceEncoding(charset, null)
                : new SourceEncoding(StandardCharsets.UTF_8, "not valid " + charset.name() + ", the encoding "
                + declared.where() + " declares");
    }

    /** The text of the bytes: exact when there is no problem, else UTF-8 with malformed bytes replaced. */
    String decode(byte[] bytes) {
        String text = new String(bytes, charset); // replaces what does not decode
        // a UTF-8 byte-order mark is not part of the text (UTF-16's is dropped by the decoder)
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
