package sectar.experiments.cluster;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.client.config.RoutingMode;
import com.hazelcast.client.properties.ClientProperty;
import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.spi.properties.ClusterProperty;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The Hazelcast configuration of sectar's processes, built in code. The coordinator is the cluster's one
 * member and holds every entry: one interface (loopback unless {@code --bind}), TCP/IP join to listed
 * addresses only (no multicast, no cloud auto-detection), no phone-home, errors-only logging. Workers and
 * {@code --status} are clients of it, so they hold no data and no group of them can go on as a cluster
 * of its own when cut off: a worker without the coordinator can claim nothing and renew nothing. Both
 * sides accept only sectar's own wire format ({@link ClusterSerialization}).
 */
public final class MemberConfig {
    /** The maps' name prefix; {@link #MAPS_BACKUPS} synchronous backup each (for a benchmark's extra members). */
    static final String MAPS = "sectar-";
    static final int MAPS_BACKUPS = 1;
    /** The label of a worker's client connection, by which the coordinator counts its workers. */
    static final String WORKER_LABEL = "sectar-worker";
    /** The default bind address. */
    public static final String LOOPBACK = "127.0.0.1";

    // java.util.logging holds loggers weakly: keep the configured ones.
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    static {
        // Errors only, one line each ("hazelcast: SEVERE: ..."), on stderr beside the campaign's own lines: its warnings
        // are what a member's loss looks like from inside (refused connections, suspected members), which the
        // coordinator reports in its own words.
        HAZELCAST_LOG.setLevel(Level.SEVERE);
        HAZELCAST_LOG.setUseParentHandlers(false);
        ConsoleHandler h = new ConsoleHandler();
        h.setFormatter(new Formatter() {
            @Override public String format(LogRecord r) {
                return "hazelcast: " + r.getLevel() + ": " + formatMessage(r) + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")") + "\n";
            }
        });
        HAZELCAST_LOG.addHandler(h);
    }

    /**
     * What differs between members.
     *
     * @param clusterName the cluster's name
     * @param bind        the one local address to bind (an IP or a host name of this machine)
     * @param port        the port (fixed: workers and a restarted coordinator find it there)
     * @param members     {@code host:port} of members to join (the coordinator lists only itself)
     */
    public record Settings(String clusterName, String bind, int port, List<String> members) {
        public Settings {
            checkName(clusterName);
            ClusterAddress.checkPort(port, "--port");
            members = List.copyOf(members);
        }
    }

    private MemberConfig() {}

    /** Fails (a user error) unless {@code clusterName} is letters, digits, '.', '_' or '-'. */
    public static String checkName(String clusterName) {
        if (clusterName == null || !clusterName.matches("[A-Za-z0-9._-]+"))
            throw new IllegalArgumentException("the cluster name must be letters, digits, '.', '_' or '-', got '" + clusterName + "'");
        return clusterName;
    }

    /** The member configuration for {@code s}. */
    public static Config member(Settings s) {
        Config c = new Config();
        c.setClusterName(s.clusterName());
        NetworkConfig net = c.getNetworkConfig();
        net.setPort(s.port()).setPortAutoIncrement(false).setReuseAddress(true);
        net.getInterfaces().setEnabled(true).addInterface(localIp(s.bind()));
        net.getRestApiConfig().setEnabled(false);
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(s.members()).setConnectionTimeoutSeconds(3);
        c.getJetConfig().setEnabled(false);
        c.addMapConfig(new MapConfig(MAPS + "*").setBackupCount(MAPS_BACKUPS).setAsyncBackupCount(0));
        ClusterSerialization.configure(c.getSerializationConfig());
        set(c, ClusterProperty.SOCKET_BIND_ANY, "false");  // only the chosen interface, not 0.0.0.0
        set(c, ClusterProperty.PHONE_HOME_ENABLED, "false");
        set(c, ClusterProperty.LOGGING_TYPE, "jdk");
        set(c, ClusterProperty.HEARTBEAT_INTERVAL_SECONDS, "1");
        set(c, ClusterProperty.MAX_NO_HEARTBEAT_SECONDS, "10");
        set(c, ClusterProperty.WAIT_SECONDS_BEFORE_JOIN, "1");
        set(c, ClusterProperty.MERGE_FIRST_RUN_DELAY_SECONDS, "5");
        set(c, ClusterProperty.MERGE_NEXT_RUN_DELAY_SECONDS, "5");
        set(c, ClusterProperty.GRACEFUL_SHUTDOWN_MAX_WAIT, "10");
        return c;
    }

    /** A client of cluster {@code clusterName} at {@code address} ({@code --status}), giving up after a few seconds. */
    public static ClientConfig client(String clusterName, String address) {
        ClientConfig c = clientOf(clusterName, address);
        c.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(4000);
        return c;
    }

    /**
     * A worker's client: it starts without waiting for the coordinator (the worker waits itself and
     * names what did not answer), then reconnects for as long as it lives, failing calls at once while
     * the coordinator is gone instead of blocking them; calls give up after {@code callSeconds}.
     */
    public static ClientConfig workerClient(String clusterName, String address, String instanceName, int callSeconds) {
        ClientConfig c = clientOf(clusterName, address);
        c.setInstanceName(instanceName);
        c.addLabel(WORKER_LABEL);
        ClientConnectionStrategyConfig s = c.getConnectionStrategyConfig();
        s.setAsyncStart(true).setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC);
        s.getConnectionRetryConfig().setClusterConnectTimeoutMillis(Long.MAX_VALUE).setInitialBackoffMillis(250).setMaxBackoffMillis(2000);
        c.setProperty(ClientProperty.INVOCATION_TIMEOUT_SECONDS.getName(), Integer.toString(callSeconds));
        c.setProperty(ClientProperty.HEARTBEAT_INTERVAL.getName(), "1000");
        c.setProperty(ClientProperty.HEARTBEAT_TIMEOUT.getName(), "20000");
        return c;
    }

    private static ClientConfig clientOf(String clusterName, String address) {
        ClientConfig c = new ClientConfig();
        c.setClusterName(clusterName);
        c.getNetworkConfig().setAddresses(List.of(address));
        c.getNetworkConfig().getClusterRoutingConfig().setRoutingMode(RoutingMode.SINGLE_MEMBER); // the coordinator only
        c.setProperty(ClusterProperty.LOGGING_TYPE.getName(), "jdk");
        ClusterSerialization.configure(c.getSerializationConfig());
        return c;
    }

    /** The {@code host:port} member {@code hz} listens on. */
    public static String address(com.hazelcast.core.HazelcastInstance hz) {
        com.hazelcast.cluster.Address a = hz.getCluster().getLocalMember().getAddress();
        return a.getHost() + ":" + a.getPort();
    }

    /** A property unless the JVM sets it ({@code -Dhazelcast.max.no.heartbeat.seconds=5} in the tests). */
    private static void set(Config c, com.hazelcast.spi.properties.HazelcastProperty p, String value) {
        if (System.getProperty(p.getName()) == null) c.setProperty(p.getName(), value);
    }

    /** {@code bind} as an IP address of this machine, failing (a user error) for any other. */
    public static String localIp(String bind) {
        InetAddress a;
        try {
            a = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + " is not a known host or IP address");
        }
        if (a.isAnyLocalAddress())
            throw new IllegalArgumentException("--bind " + bind + " would listen on every interface; give one address of this machine");
        try {
            if (!a.isLoopbackAddress() && NetworkInterface.getByInetAddress(a) == null)
                throw new IllegalArgumentException("--bind " + bind + " (" + a.getHostAddress() + ") is not an address of this machine");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list this machine's network interfaces to check --bind " + bind);
        }
        if (a.getAddress().length != 4) throw new IllegalArgumentException("--bind " + bind + ": only IPv4 addresses are supported, got " + a.getHostAddress());
        return a.getHostAddress();
    }
}
