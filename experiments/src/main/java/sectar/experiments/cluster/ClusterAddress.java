package sectar.experiments.cluster;

/**
 * A member's address as the command line gives it, {@code HOST[:PORT]}.
 *
 * @param host host name or IP address
 * @param port TCP port, 1..65535
 */
public record ClusterAddress(String host, int port) {
    /** Hazelcast's first member port. */
    public static final int DEFAULT_PORT = 5701;

    public ClusterAddress {
        if (host == null || host.isBlank() || host.contains(":"))
            throw new IllegalArgumentException("expected a host name or IPv4 address, got '" + host + "'");
        checkPort(port, "port");
    }

    /** Parses {@code HOST[:PORT]} for option {@code option} (named in the error). */
    public static ClusterAddress parse(String text, String option) {
        String t = text == null ? "" : text.strip();
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? t : t.substring(0, colon);
        if (host.isEmpty() || host.contains(":"))
            throw new IllegalArgumentException(option + " expects HOST[:PORT] (e.g. 10.0.0.5:5701), got '" + text + "'");
        if (colon < 0) return new ClusterAddress(host, DEFAULT_PORT);
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects HOST[:PORT] (e.g. 10.0.0.5:5701), got '" + text + "'");
        }
        checkPort(port, option + " " + text + ": port");
        return new ClusterAddress(host, port);
    }

    /** Fails (a user error) unless {@code port} is 1..65535. */
    public static int checkPort(int port, String what) {
        if (port < 1 || port > 65535) throw new IllegalArgumentException(what + " must be 1..65535, got " + port);
        return port;
    }

    @Override public String toString() { return host + ":" + port; }
}
