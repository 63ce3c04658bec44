package dev.autocoder.workers.repository;

import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportProtocol;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configured {@code autocoder.target.git-url} split into a URL without credentials (what JGit, the clone's
 * config and every message see) and the credentials JGit sends over HTTPS.
 *
 * <p>Credentials: with {@code autocoder.target.git-token} set, the user is the one in the URL, or
 * {@value #TOKEN_USER} (GitHub's convention; GitLab, Gitea and Bitbucket accept any user with a token as
 * password), and the token is the password. Without a token, {@code user:password@} in an HTTP(S) URL is used,
 * and a lone {@code token@} is sent as user with an empty password. Every credential string is remembered so
 * that {@link #redact} can scrub it from error texts coming back from JGit or the server.
 */
final class GitRemote {

    static final String KEY = "autocoder.target.git-url";
    static final String TOKEN_USER = "x-access-token";

    private final URIish uri;
    private final CredentialsProvider credentials;
    private final List<String> secrets;

    private GitRemote(URIish uri, CredentialsProvider credentials, List<String> secrets) {
        this.uri = uri;
        this.credentials = credentials;
        this.secrets = secrets;
    }

    /** Parses the URL; a malformed URL or an unsupported scheme is a {@link TargetUnavailableException}. */
    static GitRemote parse(String url, String token) {
        List<String> secrets = new ArrayList<>();
        if (token != null) {
            secrets.add(token);
        }
        secrets.addAll(rawUserInfoParts(url));
        URIish parsed;
        try {
            parsed = new URIish(url);
        } catch (URISyntaxException e) {
            throw new TargetUnavailableException(KEY + ": not a valid git URL: " + redact(e.getReason(), secrets));
        }
        boolean http = parsed.getScheme() != null && parsed.getScheme().toLowerCase(Locale.ROOT).startsWith("http");
        String user = parsed.getUser();
        String pass = parsed.getPass();
        // The user of a password-less ssh URL ("git@host") is no secret and ssh needs it; otherwise the whole
        // user info leaves the URL and travels only in the credentials provider.
        boolean stripUserInfo = http || pass != null;
        if (stripUserInfo) {
            addIfPresent(secrets, pass);
            addIfPresent(secrets, user);
        }
        URIish clean = stripUserInfo ? parsed.setUser(null).setPass(null) : parsed;
        if (parsed.getScheme() != null && !isSupportedScheme(parsed.getScheme())) {
            throw new TargetUnavailableException(KEY + ": unsupported scheme '" + parsed.getScheme() + "' in "
                    + redact(clean.toString(), secrets));
        }
        CredentialsProvider credentials = null;
        if (token != null) {
            credentials = new UsernamePasswordCredentialsProvider(user != null && stripUserInfo ? user : TOKEN_USER,
                    token);
        } else if (stripUserInfo && user != null) {
            credentials = new UsernamePasswordCredentialsProvider(user, pass == null ? "" : pass);
        }
        return new GitRemote(clean, credentials, List.copyOf(secrets));
    }

    /** The URL without any credentials: safe for the clone's config, messages and the display name. */
    String url() {
        return uri.toString();
    }

    /** Credentials for JGit, or null when the remote needs none. */
    CredentialsProvider credentials() {
        return credentials;
    }

    /** The text with every credential replaced by {@code ***}. */
    String redact(String text) {
        return redact(text, secrets);
    }

    /** A message for an unreachable remote; the cause chain is flattened and scrubbed. */
    String unreachable(Throwable cause) {
        return KEY + ": cannot reach " + url() + ": " + redact(describe(cause));
    }

    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 1000; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    private static String redact(String text, List<String> secrets) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }

    private static boolean isSupportedScheme(String scheme) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        for (TransportProtocol protocol : Transport.getTransportProtocols()) {
            if (protocol.getSchemes().contains(lower)) {
                return true;
            }
        }
        return false;
    }

    /** The raw (possibly percent-encoded) {@code user:password} of a URL, whole and in parts. */
    private static List<String> rawUserInfoParts(String url) {
        int schemeEnd = url.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int slash = url.indexOf('/', start);
        int at = url.lastIndexOf('@', slash < 0 ? url.length() - 1 : slash);
        if (schemeEnd < 0 || at < start) {
            return List.of();
        }
        String userInfo = url.substring(start, at);
        List<String> parts = new ArrayList<>();
        int colon = userInfo.indexOf(':');
        if (colon >= 0) {
            addIfPresent(parts, userInfo);
            addIfPresent(parts, userInfo.substring(0, colon));
            addIfPresent(parts, userInfo.substring(colon + 1));
        } else if (url.regionMatches(true, 0, "http", 0, 4)) {
            addIfPresent(parts, userInfo);
        }
        return parts;
    }

    private static void addIfPresent(List<String> secrets, String value) {
        if (value != null && !value.isEmpty() && !secrets.contains(value)) {
            secrets.add(value);
        }
    }
}
