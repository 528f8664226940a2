package sectar.experiments.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a test's coordinator and workers run. {@link #namespaces} gives each host its own Linux network
 * namespace (one veth link to a bridge in a namespace of its own, so traffic never leaves them) and each
 * process started there its own PID namespace, so no host sees another's processes and a host's link
 * can be cut and restored; it needs root, iproute2 and util-linux's unshare. {@link #loopback} runs them
 * all on this machine's loopback interface, where nothing can be cut. Every name carries this JVM's pid,
 * so two test runs on one machine do not meet.
 */
abstract class Hosts implements AutoCloseable {
    /** The kind of hosts, for the build log. */
    abstract String kind();

    /** The address host {@code h} binds. */
    abstract String address(int h);

    /** {@code command} as started on host {@code h}. */
    abstract List<String> on(int h, List<String> command);

    abstract boolean canCut();

    /** Cuts host {@code h}'s link: its packets are dropped silently, as on a failed switch port. */
    abstract void cut(int h);

    abstract void restore(int h);

    @Override public abstract void close();

    static Hosts loopback() { return new Loopback(); }

    /** {@code count} hosts in namespaces, or null with the reason on {@code why} when they cannot be made here. */
    static Hosts namespaces(int count, StringBuilder why) {
        Netns n = new Netns(count);
        try {
            n.create();
            return n;
        } catch (RuntimeException e) {
            n.close();
            why.append(e.getMessage());
            return null;
        }
    }

    private static final class Loopback extends Hosts {
        @Override String kind() { return "loopback (every host on 127.0.0.1, one PID namespace)"; }

        @Override String address(int h) { return MemberConfig.LOOPBACK; }

        @Override List<String> on(int h, List<String> command) { return command; }

        @Override boolean canCut() { return false; }

        @Override void cut(int h) { throw new UnsupportedOperationException("the loopback interface cannot be cut for one host"); }

        @Override void restore(int h) { throw new UnsupportedOperationException(); }

        @Override public void close() {}
    }

    private static final class Netns extends Hosts {
        private final int count;
        private final String tag = Long.toString(ProcessHandle.current().pid());
        private final List<String> made = new ArrayList<>();

        Netns(int count) { this.count = count; }

        @Override String kind() { return "separate network and PID namespaces (ip netns + veth to a bridge, unshare --pid)"; }

        private String ns(int h) { return "sx" + tag + "h" + h; }

        private String bridgeNs() { return "sx" + tag + "br"; }

        /** The bridge side of host {@code h}'s link. */
        private String port(int h) { return "p" + tag + "h" + h; }

        private String link(int h) { return "v" + tag + "h" + h; }

        @Override String address(int h) { return "10.213.7." + (h + 1); }

        void create() {
            run("unshare", "--pid", "--fork", "--mount-proc", "true");
            run("ip", "netns", "add", bridgeNs());
            made.add(bridgeNs());
            run("ip", "-n", bridgeNs(), "link", "add", "br0", "type", "bridge");
            run("ip", "-n", bridgeNs(), "link", "set", "br0", "up");
            for (int h = 0; h < count; h++) {
                run("ip", "netns", "add", ns(h));
                made.add(ns(h));
                run("ip", "link", "add", link(h), "type", "veth", "peer", "name", port(h));
                run("ip", "link", "set", link(h), "netns", ns(h));
                run("ip", "link", "set", port(h), "netns", bridgeNs());
                run("ip", "-n", bridgeNs(), "link", "set", port(h), "master", "br0", "up");
                run("ip", "-n", ns(h), "addr", "add", address(h) + "/24", "dev", link(h));
                run("ip", "-n", ns(h), "link", "set", link(h), "up");
                run("ip", "-n", ns(h), "link", "set", "lo", "up");
            }
        }

        @Override List<String> on(int h, List<String> command) {
            List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns(h), "unshare", "--pid", "--fork", "--kill-child", "--mount-proc"));
            c.addAll(command);
            return c;
        }

        @Override boolean canCut() { return true; }

        @Override void cut(int h) { run("ip", "-n", bridgeNs(), "link", "set", port(h), "nomaster"); }

        @Override void restore(int h) { run("ip", "-n", bridgeNs(), "link", "set", port(h), "master", "br0"); }

        @Override public void close() {
            for (String n : made) {
                try {
                    run("ip", "netns", "del", n); // takes the veth links with it
                } catch (RuntimeException ignored) { // already gone
                }
            }
            made.clear();
        }

        private static void run(String... cmd) {
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0)
                    throw new IllegalStateException(String.join(" ", cmd) + " failed" + (out.isEmpty() ? "" : ": " + out));
            } catch (IOException e) {
                throw new IllegalStateException(String.join(" ", cmd) + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }
}
