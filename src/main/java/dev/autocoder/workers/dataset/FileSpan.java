package dev.autocoder.workers.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Bytes {@code [from, to)} of a file as a stream, read at their positions (the channel's own position is left
 * alone): a line is parsed or copied as it is read, never held whole, so a line of any length costs a buffer.
 */
final class FileSpan extends InputStream {

    private final FileChannel channel;
    private final long to;
    private long position;

    FileSpan(FileChannel channel, long from, long to) {
        this.channel = channel;
        this.position = from;
        this.to = to;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= to) {
            return -1;
        }
        int read = channel.read(ByteBuffer.wrap(bytes, offset, (int) Math.min(length, to - position)), position);
        if (read <= 0) {
            return -1;
        }
        position += read;
        return read;
    }
}
