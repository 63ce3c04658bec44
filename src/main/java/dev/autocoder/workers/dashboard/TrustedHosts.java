package dev.autocoder.workers.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which names a request may address (its Host): loopback ones ({@code localhost}, 127.0.0.0/8, {@code [::1]})
 * and those listed in {@code autocoder.dashboard.allowed-hosts}. Names are never resolved: a name an attacker
 * controls could resolve to anything.
 */
final class TrustedHosts {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<String> allowed;

    TrustedHosts(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Whether the host (as in a Host header, port already removed) is a loopback one or an allowed one. */
    boolean isTrusted(String host) {
        return isLoopbackHost(host) || host != null && allowed.contains(normalized(host));
    }

    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = normalized(host);
        if (name.equals("localhost")) {
            return true;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (!IPV4.matcher(name).matches() && !IPV6.matcher(name).matches()) {
            return false;
        }
        try {
            // an IP literal (checked above): no name lookup happens
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Lower case, without the trailing dot of a fully qualified name. */
    private static String normalized(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
