package dev.autocoder.workers.repository;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A git "smart HTTP" server on loopback (the fetch half of the protocol, as documented in gitprotocol-http),
 * serving one repository at {@code /repo.git} behind HTTP Basic authentication. The pack negotiation itself is
 * JGit's real {@link UploadPack}. Requests without the right credentials get 401 with a Basic challenge;
 * requests that break the protocol's format get 400.
 */
final class SmartHttpGitServer implements AutoCloseable {

    private final HttpServer server;
    private final Repository repository;
    private final String expectedAuthorization;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    SmartHttpGitServer(Repository repository, String user, String password) throws IOException {
        this.repository = repository;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repo.git/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(method + " " + path + (authorization == null ? "" : " (with credentials)"));
            if (!expectedAuthorization.equals(authorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (method.equals("GET") && path.equals("/repo.git/info/refs")) {
                advertise(exchange);
            } else if (method.equals("POST") && path.equals("/repo.git/git-upload-pack")) {
                uploadPack(exchange);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void advertise(HttpExchange exchange) throws IOException {
        if (!"service=git-upload-pack".equals(exchange.getRequestURI().getQuery())) {
            exchange.sendResponseHeaders(400, -1); // only smart clients asking for upload-pack are served
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-advertisement");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            PacketLineOut packets = new PacketLineOut(body);
            packets.writeString("# service=git-upload-pack\n");
            packets.end();
            UploadPack uploadPack = new UploadPack(repository);
            uploadPack.setBiDirectionalPipe(false);
            uploadPack.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(packets));
        }
    }

    private void uploadPack(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"application/x-git-upload-pack-request".equals(type)) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        InputStream request = exchange.getRequestBody();
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            request = new GZIPInputStream(request);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            UploadPack uploadPack = new UploadPack(repository);
            uploadPack.setBiDirectionalPipe(false);
            uploadPack.upload(request, body, null);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
