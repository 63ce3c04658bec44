package dev.autocoder.workers.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * HTTP/1.1 written by hand over a loopback socket, for what {@link java.net.http.HttpClient} will not send: a
 * forged {@code Host} header, a body far larger than memory. The answer is read until the server closes.
 */
final class RawHttp {

    /** An answer: its status code and the whole text (status line, headers, body). */
    record Answer(int status, String text) {

        /** The body, its chunks joined when it came chunked. */
        String body() {
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return "";
            }
            String raw = text.substring(end + 4);
            if (!text.substring(0, end).toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
                return raw;
            }
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < raw.length()) {
                int lineEnd = raw.indexOf("\r\n", at);
                int size = Integer.parseInt(raw.substring(at, lineEnd).strip(), 16);
                if (size == 0) {
                    break;
                }
                body.append(raw, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }
    }

    private RawHttp() {
    }

    /** A request without a body, the Host header set to {@code host}. */
    static Answer send(int port, String method, String path, String host, String... headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (method.equals("POST")) {
            request.append("Content-Length: 0\r\n");
        }
        request.append("\r\n");
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // a reset after the answer (the server closed with our unread body pending) ends it too
            if (received.size() == 0) {
                throw e;
            }
        }
        String text = received.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        return new Answer(Integer.parseInt(text.substring(9, 12)), text);
    }

    /** Writes {@code bytes} of 'a' in pieces of 64 KiB, never holding more; stops quietly when the server closes. */
    static long stream(OutputStream out, long bytes, boolean chunked) {
        byte[] piece = new byte[64 * 1024];
        Arrays.fill(piece, (byte) 'a');
        long sent = 0;
        try {
            while (sent < bytes) {
                int length = (int) Math.min(piece.length, bytes - sent);
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(piece, 0, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                sent += length;
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException e) {
            // the server refused the rest and closed the connection: expected once it has answered
        }
        return sent;
    }
}
